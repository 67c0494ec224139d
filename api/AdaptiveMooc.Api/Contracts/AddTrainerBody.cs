namespace AdaptiveMooc.Api.Contracts;

public sealed record AddTrainerBody(string TrainerId);
