// The assessment routes' JSON shapes as the web reads them (docs/API.md, "Assessments").
#pragma warning disable CA1002, CA2227, CA1056, CA1819
namespace AdaptiveMooc.Web.Api;

public sealed record Choice(string Id, string Text);

/// <summary>A bank item with its key, as trainers read and write it.</summary>
public sealed record BankItem(
    string Id, string Kind, string Prompt, IReadOnlyList<string> Skills, IReadOnlyList<Choice>? Choices = null,
    IReadOnlyList<string>? CorrectChoiceIds = null, double? Answer = null, double? Tolerance = null,
    IReadOnlyList<string>? AcceptedAnswers = null, string? Pattern = null, bool CaseSensitive = false,
    string? FeedbackCorrect = null, string? FeedbackIncorrect = null, string? Explanation = null);

public sealed record SkillPool(string Skill, int Count);

public sealed record AssessmentBody(IReadOnlyList<string>? ItemIds, IReadOnlyList<SkillPool>? Pools, int? TimeLimitMinutes, int? MaxAttempts, double? PassScore);

public sealed record AssessmentSettings(
    string CourseId, string LessonId, IReadOnlyList<string>? ItemIds, IReadOnlyList<SkillPool>? Pools, int ItemCount,
    int? TimeLimitMinutes, int? MaxAttempts, double PassScore);

/// <summary>An item as a learner gets it before answering: no key.</summary>
public sealed record DeliveredItem(string Id, string Kind, string Prompt, IReadOnlyList<string> Skills, IReadOnlyList<Choice> Choices);

public sealed record AnswerFeedback(string ItemId, bool Correct, string? Feedback, string? Explanation, string CorrectAnswer, DateTimeOffset AnsweredAt);

/// <summary>An attempt; the API leaves <c>answers</c> out while nothing is answered.</summary>
public sealed record Attempt(
    int Number, string Status, DateTimeOffset StartedAt, DateTimeOffset? Deadline, DateTimeOffset? SubmittedAt,
    IReadOnlyList<DeliveredItem> Items, IReadOnlyList<AnswerFeedback>? Answers, double? Score, bool? Passed)
{
    public IReadOnlyList<AnswerFeedback> Answers { get; init; } = Answers ?? [];
}

public sealed record AttemptSummary(int Number, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, double Score, bool Passed);

public sealed record Attempts(int AttemptsUsed, int? MaxAttempts, double? BestScore, Attempt? Latest, IReadOnlyList<AttemptSummary> Earlier);

public sealed record AnswerBody(string ItemId, IReadOnlyList<string>? ChoiceIds = null, double? Number = null, string? Text = null);

/// <summary>The graded answer (<c>correct</c>, <c>feedback</c>, <c>explanation</c>, <c>correctAnswer</c>) and the attempt after it.</summary>
public sealed record AnswerResult(string ItemId, bool Correct, string? Feedback, string? Explanation, string CorrectAnswer, DateTimeOffset AnsweredAt, Attempt Attempt);

public sealed record ItemAnalysisRow(
    string ItemId, string? Prompt, string? Kind, IReadOnlyList<string>? Skills, int Attempts, double ShareCorrect, double? Discrimination,
    int Predicted, double? ExpectedCorrect, double? ObservedCorrect, double? ZScore, bool OutOfLine, string? Reason);

public sealed record ItemAnalysis(string CourseId, int MinPredicted, double ZThreshold, IReadOnlyList<ItemAnalysisRow> Items);
