namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>Classical and model-based statistics of one item (docs/ASSESSMENTS.md, "Item analysis").</summary>
/// <param name="Attempts">Answers in submitted attempts.</param>
/// <param name="ShareCorrect">Correct ÷ attempts.</param>
/// <param name="Discrimination">Point-biserial correlation of the item with the rest score of the attempt; null below 2 answers or without variance.</param>
/// <param name="Predicted">Answers that had a knowledge-tracing prediction.</param>
/// <param name="ExpectedCorrect">Mean predicted P(correct) over those answers.</param>
/// <param name="ObservedCorrect">Share correct over those answers.</param>
/// <param name="ZScore">(observed − expected correct answers) ÷ √Σ p(1−p).</param>
/// <param name="OutOfLine">Whether the model finds the item out of line with its skill.</param>
/// <param name="Reason">Why, in words; null when in line.</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ItemStatistics")]
public sealed record ItemStatistics(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int Attempts,
    [property: Id(2)] double ShareCorrect,
    [property: Id(3)] double? Discrimination,
    [property: Id(4)] int Predicted,
    [property: Id(5)] double? ExpectedCorrect,
    [property: Id(6)] double? ObservedCorrect,
    [property: Id(7)] double? ZScore,
    [property: Id(8)] bool OutOfLine,
    [property: Id(9)] string? Reason);
