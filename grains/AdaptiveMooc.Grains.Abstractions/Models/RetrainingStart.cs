namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>The answer to a start request: the new run's id, or why none started.</summary>
/// <param name="Reason">Set when not started: a run is in progress, or the silos keep no database.</param>
/// <param name="Running">The run in progress, when that is the reason.</param>
[GenerateSerializer]
[Alias("mooc.RetrainingStart")]
public sealed record RetrainingStart(
    [property: Id(0)] bool Started,
    [property: Id(1)] Guid? RunId,
    [property: Id(2)] string? Reason,
    [property: Id(3)] Guid? Running);
