using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Practice;

/// <summary>
/// Bounded: counts per item of the skill (at most the bank's <see cref="IQuestionBankGrain.MaxItems"/>), the
/// item waiting for an answer and the latest answer; the answers themselves live in the statement log.
/// </summary>
[GenerateSerializer]
[Alias("mooc.PracticeState")]
internal sealed class PracticeState
{
    [Id(0)] public Dictionary<string, int> TimesAnswered { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public int Answered { get; set; }

    [Id(2)] public int Correct { get; set; }

    [Id(3)] public PendingChoice? Pending { get; set; }

    [Id(4)] public PracticeAnswerRecord? Last { get; set; }
}

/// <summary>The item chosen and not answered yet, with the choice as it was made.</summary>
[GenerateSerializer]
[Alias("mooc.PendingChoice")]
internal sealed class PendingChoice
{
    [Id(0)] public string ItemId { get; set; } = string.Empty;

    [Id(1)] public double PCorrect { get; set; }

    [Id(2)] public string Placement { get; set; } = string.Empty;

    [Id(3)] public string Reason { get; set; } = string.Empty;

    [Id(4)] public DateTimeOffset ChosenAt { get; set; }
}

/// <summary>The latest answer: enough to send its statement again (same id, same content) and to show its feedback.</summary>
[GenerateSerializer]
[Alias("mooc.PracticeAnswerRecord")]
internal sealed class PracticeAnswerRecord
{
    [Id(0)] public int Sequence { get; set; }

    [Id(1)] public QuestionItem Item { get; set; } = null!;

    [Id(2)] public ItemAnswer Answer { get; set; } = new();

    [Id(3)] public bool Correct { get; set; }

    [Id(4)] public DateTimeOffset AnsweredAt { get; set; }

    [Id(5)] public string LessonId { get; set; } = string.Empty;

    [Id(6)] public bool Recorded { get; set; }

    [Id(7)] public double MasteryBefore { get; set; }
}
