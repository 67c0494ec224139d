namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// <see cref="EnrolledAt"/> is the caller-given instant (past only for admins and importers) or now.
/// <see cref="WeeklyStudyHours"/>: hours a week the learner studies in all, this course included, if
/// they declared it (a risk-model input: a heavy load is a withdrawal risk). <see cref="PurchaseId"/>: the access
/// source that paid for a paid course (<c>order:{id}</c>, <c>voucher:{code}</c>) when the enrolment follows it.
/// </summary>
[GenerateSerializer]
[Alias("mooc.EnrolmentRequest")]
public sealed record EnrolmentRequest(
    [property: Id(0)] string CourseId,
    [property: Id(1)] DateOnly? TargetDate,
    [property: Id(2)] string? PurchaseId,
    [property: Id(3)] DateTimeOffset EnrolledAt,
    [property: Id(4)] double? WeeklyStudyHours = null)
{
    /// <summary>The most weekly study hours a learner can declare (the risk features' cap, ML <c>EngagementState</c>).</summary>
    public const double MaxWeeklyStudyHours = 100;
}
