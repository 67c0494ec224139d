namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>A live session, as the auth token stands for it.</summary>
[GenerateSerializer]
[Alias("mooc.Cmi5Session")]
public sealed record Cmi5Session(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Cmi5Unit Unit);
