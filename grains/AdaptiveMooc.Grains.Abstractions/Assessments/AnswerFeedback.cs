namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>What a learner learns once they have answered an item: right or wrong, the feedback, the explanation and the key.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AnswerFeedback")]
public sealed record AnswerFeedback(
    [property: Id(0)] string ItemId,
    [property: Id(1)] bool Correct,
    [property: Id(2)] string? Feedback,
    [property: Id(3)] string? Explanation,
    [property: Id(4)] string CorrectAnswer,
    [property: Id(5)] DateTimeOffset AnsweredAt);
