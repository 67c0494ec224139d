namespace AdaptiveMooc.Api.Contracts;

public sealed record RedeemVoucherBody(string? Code);
