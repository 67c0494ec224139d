namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// Progress of one learner in one course (docs/API.md definitions): a lesson is started by any
/// statement about it or its items, completed by <c>completed</c>, <c>passed</c> or
/// <c>result.completion: true</c>; <see cref="PercentComplete"/> is over required lessons;
/// <see cref="MinutesSpent"/> sums <c>result.duration</c>; <see cref="LastActivity"/> is the latest
/// statement <c>timestamp</c>. <see cref="MasteryBySkill"/> is knowledge tracing's probability of a
/// correct answer per skill the learner has graded evidence on (the learner grain's online model).
/// </summary>
[GenerateSerializer]
[Alias("mooc.CourseProgress")]
public sealed record CourseProgress(
    [property: Id(0)] string CourseId,
    [property: Id(1)] IReadOnlyList<string> CompletedLessons,
    [property: Id(2)] double PercentComplete,
    [property: Id(3)] double MinutesSpent,
    [property: Id(4)] IReadOnlyDictionary<string, double> MasteryBySkill,
    [property: Id(5)] DateTimeOffset? LastActivity,
    [property: Id(6)] IReadOnlyList<string> StartedLessons,
    [property: Id(7)] bool CourseCompleted,
    [property: Id(8)] long StatementCount);
