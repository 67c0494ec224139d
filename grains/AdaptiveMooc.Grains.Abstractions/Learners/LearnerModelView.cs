namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// What the learner grain's online model knows of one learner in one course, for recommendations and
/// plans (computed by the model code of <c>AdaptiveMooc.ML</c>; docs/ML.md).
/// </summary>
/// <param name="CourseId">The course.</param>
/// <param name="CourseStart">Day 0 of the learner's course days (course start date, else enrolment).</param>
/// <param name="ModelVersion">Catalog version that computed <paramref name="Mastery"/>.</param>
/// <param name="Mastery">Knowledge-tracing P(correct) per skill the learner has graded evidence on.</param>
/// <param name="Practices">Graded answers per skill.</param>
/// <param name="LastPractised">Timestamp of the latest graded answer per skill.</param>
/// <param name="Ranking">The learner's next-lesson ranking state (JSON of <c>LearnerRankingSnapshot</c>), null before any lesson activity.</param>
/// <param name="TimedLessons">Pacing: statements with a duration on a lesson with declared minutes.</param>
/// <param name="LogRatioSum">Pacing: Σ ln(reported / declared minutes).</param>
[GenerateSerializer]
[Alias("mooc.LearnerModelView")]
public sealed record LearnerModelView(
    [property: Id(0)] string CourseId,
    [property: Id(1)] DateTimeOffset? CourseStart,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] IReadOnlyDictionary<string, double> Mastery,
    [property: Id(4)] IReadOnlyDictionary<string, int> Practices,
    [property: Id(5)] IReadOnlyDictionary<string, DateTimeOffset> LastPractised,
    [property: Id(6)] string? Ranking,
    [property: Id(7)] int TimedLessons,
    [property: Id(8)] double LogRatioSum);
