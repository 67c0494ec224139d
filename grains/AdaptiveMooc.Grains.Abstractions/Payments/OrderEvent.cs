namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// One thing that happened to an order, kept with the order: a Stripe event (its id, type and creation
/// time), a manual payment or a reconciliation, and what the order made of it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] DateTimeOffset Received,
    [property: Id(4)] string Outcome,
    [property: Id(5)] string? By = null,
    [property: Id(6)] string? Reference = null);
