namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.NewTrainer")]
public sealed record NewTrainer(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] DateTimeOffset CreatedAt);
