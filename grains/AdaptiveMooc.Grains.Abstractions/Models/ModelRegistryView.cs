namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>The registry as admins read it: the serving set, the recent sets and runs (newest first).</summary>
/// <param name="Available">False when the silos keep no database (Mooc:Storage=memory): nothing is registered.</param>
[GenerateSerializer]
[Alias("mooc.ModelRegistryView")]
public sealed record ModelRegistryView(
    [property: Id(0)] bool Available,
    [property: Id(1)] ModelSetView? Serving,
    [property: Id(2)] IReadOnlyList<ModelSetView> Sets,
    [property: Id(3)] IReadOnlyList<RetrainingRunView> Runs);
