namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>What an order is for: one learner, one paid course, its price in minor units (cents) at ordering time.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.OrderRequest")]
public sealed record OrderRequest(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string CourseId,
    [property: Id(2)] string? ProviderId,
    [property: Id(3)] long AmountMinor,
    [property: Id(4)] string Currency,
    [property: Id(5)] string Method,
    [property: Id(6)] DateTimeOffset CreatedAt);
