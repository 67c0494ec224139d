namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.TrainerProfile")]
public sealed record TrainerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] DateTimeOffset CreatedAt);
