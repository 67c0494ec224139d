namespace AdaptiveMooc.Api.Contracts;

/// <summary>One event of an order: a Stripe event (its id), a manual payment or refund, a reconciliation, and its outcome.</summary>
public sealed record OrderEventResponse(
    string Id, string Type, DateTimeOffset Created, DateTimeOffset Received, string Outcome, string? By, string? Reference);
