namespace AdaptiveMooc.Api.Contracts;

/// <summary>The one answer of requests whose outcome must not be told (a reset for an address that may not exist).</summary>
public sealed record AcceptedResponse(string Status);
