namespace AdaptiveMooc.Api.Contracts;

public sealed record WithdrawalBody(DateTimeOffset? At, string? Reason);
