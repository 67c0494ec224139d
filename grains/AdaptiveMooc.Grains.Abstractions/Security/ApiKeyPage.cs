namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.ApiKeyPage")]
public sealed record ApiKeyPage(
    [property: Id(0)] IReadOnlyList<ApiKeySummary> Items,
    [property: Id(1)] string? NextAfterId);
