namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>Figures of one model on a run's test window (a value that could not be computed is left out).</summary>
/// <param name="Model"><c>candidate</c>, <c>serving</c> or <c>untrained</c>.</param>
/// <param name="Value">The primary metric; null when it could not be computed.</param>
[GenerateSerializer]
[Alias("mooc.ModelFiguresView")]
public sealed record ModelFiguresView(
    [property: Id(0)] string Model,
    [property: Id(1)] double? Value,
    [property: Id(2)] int N,
    [property: Id(3)] IReadOnlyDictionary<string, double> Other);
