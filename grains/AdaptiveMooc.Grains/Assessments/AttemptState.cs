using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>Bounded: the latest attempt in full, earlier ones as summaries (at most <see cref="AssessmentDefinition.AttemptsCeiling"/>).</summary>
[GenerateSerializer]
[Alias("mooc.AttemptState")]
internal sealed class AttemptState
{
    [Id(0)] public int AttemptsUsed { get; set; }

    [Id(1)] public AttemptRecord? Current { get; set; }

    [Id(2)] public List<AttemptSummary> Earlier { get; set; } = [];
}

[GenerateSerializer]
[Alias("mooc.AttemptRecord")]
internal sealed class AttemptRecord
{
    [Id(0)] public int Number { get; set; }

    [Id(1)] public DateTimeOffset StartedAt { get; set; }

    [Id(2)] public DateTimeOffset? Deadline { get; set; }

    /// <summary>The items as drawn, keys included: grading stays the same if the bank changes meanwhile.</summary>
    [Id(3)] public List<QuestionItem> Items { get; set; } = [];

    [Id(4)] public List<AnswerRecord> Answers { get; set; } = [];

    [Id(5)] public double PassScore { get; set; }

    [Id(6)] public DateTimeOffset? SubmittedAt { get; set; }

    [Id(7)] public double? Score { get; set; }

    [Id(8)] public bool? Passed { get; set; }

    /// <summary>The submission's statements were ingested and its outcomes given to item analysis.</summary>
    [Id(9)] public bool Recorded { get; set; }
}

[GenerateSerializer]
[Alias("mooc.AnswerRecord")]
internal sealed class AnswerRecord
{
    [Id(0)] public string ItemId { get; set; } = string.Empty;

    [Id(1)] public ItemAnswer Answer { get; set; } = new();

    [Id(2)] public bool Correct { get; set; }

    [Id(3)] public DateTimeOffset AnsweredAt { get; set; }

    [Id(4)] public double? Predicted { get; set; }
}
