namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>One retraining run: when, who, how it ended, its decisions and the model-card section it wrote.</summary>
/// <param name="Status"><c>running</c>, <c>finished</c> or <c>failed</c>.</param>
/// <param name="SetId">The serving set the run created, when it promoted anything.</param>
[GenerateSerializer]
[Alias("mooc.RetrainingRunView")]
public sealed record RetrainingRunView(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset? FinishedAt,
    [property: Id(3)] string Trigger,
    [property: Id(4)] string RequestedBy,
    [property: Id(5)] string Status,
    [property: Id(6)] long? Statements,
    [property: Id(7)] bool ShuffledLabels,
    [property: Id(8)] int TestWeeks,
    [property: Id(9)] string? Error,
    [property: Id(10)] long? SetId,
    [property: Id(11)] IReadOnlyList<ModelDecisionView> Models,
    [property: Id(12)] string? Card)
{
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
}
