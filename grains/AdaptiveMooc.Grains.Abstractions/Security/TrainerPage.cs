namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>One page of <see cref="ITrainerDirectoryGrain.List"/>; <see cref="NextAfterId"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("mooc.security.TrainerPage")]
public sealed record TrainerPage(
    [property: Id(0)] IReadOnlyList<TrainerProfile> Items,
    [property: Id(1)] string? NextAfterId);
