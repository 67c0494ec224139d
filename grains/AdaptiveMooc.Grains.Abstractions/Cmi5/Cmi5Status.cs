namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

[GenerateSerializer]
[Alias("mooc.Cmi5Status")]
public sealed record Cmi5Status(
    [property: Id(0)] Cmi5Unit Unit,
    [property: Id(1)] bool Completed,
    [property: Id(2)] bool Passed,
    [property: Id(3)] bool Failed,
    [property: Id(4)] bool Waived,
    [property: Id(5)] bool Satisfied,
    [property: Id(6)] bool SessionInitialized,
    [property: Id(7)] bool SessionTerminated);
