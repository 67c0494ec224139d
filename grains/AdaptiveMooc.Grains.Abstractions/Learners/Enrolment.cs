namespace AdaptiveMooc.Grains.Abstractions.Learners;

[GenerateSerializer]
[Alias("mooc.Enrolment")]
public sealed record Enrolment(
    [property: Id(0)] string CourseId,
    [property: Id(1)] DateTimeOffset EnrolledAt,
    [property: Id(2)] DateOnly? TargetDate,
    [property: Id(3)] string? PurchaseId,
    [property: Id(4)] DateTimeOffset? WithdrawnAt,
    [property: Id(5)] string? WithdrawalReason,
    [property: Id(6)] double? WeeklyStudyHours = null)
{
    public bool Active => WithdrawnAt is null;
}
