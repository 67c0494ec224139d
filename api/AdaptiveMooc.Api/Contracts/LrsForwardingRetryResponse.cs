namespace AdaptiveMooc.Api.Contracts;

/// <summary>How many dead letters were marked for one more delivery (the forwarder sends them within its next round).</summary>
public sealed record LrsForwardingRetryResponse(int Requested);
