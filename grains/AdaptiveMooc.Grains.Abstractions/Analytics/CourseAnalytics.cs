namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// The trainer analytics of docs/API.md for one course as of <see cref="AsOf"/>. <see cref="AtRiskStatus"/>
/// says whether <see cref="AtRisk"/> comes from the risk model or why it is empty, so an empty list is
/// never mistaken for "nobody at risk".
/// </summary>
[GenerateSerializer]
[Alias("mooc.CourseAnalytics")]
public sealed record CourseAnalytics(
    [property: Id(0)] string CourseId,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] int Enrolled,
    [property: Id(3)] int Active7d,
    [property: Id(4)] int Completed,
    [property: Id(5)] double CompletionRate,
    [property: Id(6)] int Withdrawn,
    [property: Id(7)] IReadOnlyList<LessonFunnel> Lessons,
    [property: Id(8)] IReadOnlyList<SkillMastery> Skills,
    [property: Id(9)] IReadOnlyList<AtRiskLearner> AtRisk,
    [property: Id(10)] IReadOnlyList<WeeklyActivity> WeeklyActivity,
    [property: Id(11)] IReadOnlyList<ScoreBucket> ScoreDistribution,
    [property: Id(12)] string AtRiskStatus);
