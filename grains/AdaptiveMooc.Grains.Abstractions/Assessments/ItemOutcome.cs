namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>One answered item of a submitted attempt, for item analysis.</summary>
/// <param name="RestScore">Share correct of the attempt's other items (null when the attempt had one item).</param>
/// <param name="Predicted">The knowledge-tracing model's P(correct) for the learner on the item's skills when they answered (null without evidence on them).</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ItemOutcome")]
public sealed record ItemOutcome(
    [property: Id(0)] string ItemId,
    [property: Id(1)] bool Correct,
    [property: Id(2)] double? RestScore,
    [property: Id(3)] double? Predicted);
