namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>The answer to a rollback: the set now serving, or why nothing changed.</summary>
[GenerateSerializer]
[Alias("mooc.ModelRollback")]
public sealed record ModelRollback(
    [property: Id(0)] bool RolledBack,
    [property: Id(1)] ModelSetView? Serving,
    [property: Id(2)] string? Reason);
