namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.TrainerState")]
internal sealed class TrainerState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Email { get; set; } = string.Empty;
    [Id(2)] public string PasswordHash { get; set; } = string.Empty;
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public bool EmailVerified { get; set; }
    [Id(5)] public string? PendingEmail { get; set; }
    [Id(6)] public int PasswordStamp { get; set; }
}
