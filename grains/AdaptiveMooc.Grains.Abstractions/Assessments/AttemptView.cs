namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>One attempt as its learner sees it: items without keys, feedback for the items answered so far.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="Status">One of <see cref="AttemptStatus"/>.</param>
/// <param name="Deadline">Start + time limit; null without a limit.</param>
/// <param name="Score">Scaled 0-1 once submitted.</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AttemptView")]
public sealed record AttemptView(
    [property: Id(0)] int Number,
    [property: Id(1)] string Status,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? Deadline,
    [property: Id(4)] DateTimeOffset? SubmittedAt,
    [property: Id(5)] IReadOnlyList<DeliveredItem> Items,
    [property: Id(6)] IReadOnlyList<AnswerFeedback> Answers,
    [property: Id(7)] double? Score,
    [property: Id(8)] bool? Passed);
