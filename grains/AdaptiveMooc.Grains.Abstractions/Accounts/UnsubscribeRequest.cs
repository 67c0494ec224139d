namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>What a signed unsubscribe link asks for.</summary>
[GenerateSerializer]
[Alias("mooc.accounts.UnsubscribeRequest")]
public sealed record UnsubscribeRequest(
    [property: Id(0)] string AccountKind,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string Category);
