namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>reference</c>: the bank transfer's or invoice's reference (1-200 characters); optional (no body at all is fine).</summary>
public sealed record ManualPaymentBody(string? Reference);
