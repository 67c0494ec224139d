namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.ApiKeyState")]
internal sealed class ApiKeyState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string[] Scopes { get; set; } = [];
    [Id(2)] public byte[] SecretDigest { get; set; } = [];
    [Id(3)] public string CreatedBy { get; set; } = string.Empty;
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The courses the key is limited to; null for every course.</summary>
    [Id(6)] public string[]? Courses { get; set; }
}
