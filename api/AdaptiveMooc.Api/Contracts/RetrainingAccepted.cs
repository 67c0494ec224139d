namespace AdaptiveMooc.Api.Contracts;

/// <summary>A retraining run started in the background; its decisions appear in the registry when it ends.</summary>
public sealed record RetrainingAccepted(Guid RunId, string Registry);
