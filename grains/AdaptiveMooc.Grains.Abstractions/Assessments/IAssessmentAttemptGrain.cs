using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// One learner's attempts at one quiz or assignment lesson, keyed by <see cref="AttemptKeys.Of"/>. The
/// platform grades: answers are checked here against the bank's key, each answer becomes an
/// <c>answered</c> statement and each submission a <c>passed</c> or <c>failed</c> one, ingested with the
/// platform as grader. One call at a time and state written before every answer, so the maximum number of
/// attempts and the time limit hold under concurrent requests. The caller (the API) checks that the
/// learner is enrolled.
/// </summary>
[Alias("mooc.IAssessmentAttemptGrain")]
public interface IAssessmentAttemptGrain : IGrainWithStringKey
{
    /// <summary>Starts the next attempt, or gives back the one in progress (Resumed). Conflict when no attempt is left; NotFound without an assessment definition.</summary>
    [Alias("Start")]
    Task<AttemptOutcome> Start();

    /// <summary>Grades one answer of the attempt in progress. Conflict when already answered, submitted or past the deadline; Invalid naming choiceIds, number or text.</summary>
    [Alias("Answer")]
    Task<AttemptOutcome> Answer(int attemptNumber, string itemId, ItemAnswer answer);

    /// <summary>Scores the attempt (unanswered items count wrong). Conflict when already submitted.</summary>
    [Alias("Submit")]
    Task<AttemptOutcome> Submit(int attemptNumber);

    [ReadOnly]
    [Alias("Get")]
    Task<AttemptsView> Get();
}
