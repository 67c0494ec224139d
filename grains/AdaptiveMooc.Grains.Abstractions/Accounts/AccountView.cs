namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>An account as its owner manages it (learners and trainers alike).</summary>
[GenerateSerializer]
[Alias("mooc.accounts.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Name,
    [property: Id(3)] string Email,
    [property: Id(4)] bool EmailVerified,
    [property: Id(5)] string? PendingEmail,
    [property: Id(6)] int PasswordStamp);
