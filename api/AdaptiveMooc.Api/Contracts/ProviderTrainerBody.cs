namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>admin: true</c> makes the trainer an admin of the provider too.</summary>
public sealed record ProviderTrainerBody(string? TrainerId, bool? Admin);
