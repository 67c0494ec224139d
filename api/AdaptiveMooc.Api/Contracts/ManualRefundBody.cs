namespace AdaptiveMooc.Api.Contracts;

public sealed record ManualRefundBody(string? Reason);
