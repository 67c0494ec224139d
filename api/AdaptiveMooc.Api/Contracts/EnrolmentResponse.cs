using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>status</c>: <c>active</c> or <c>withdrawn</c>.</summary>
public sealed record EnrolmentResponse(
    string CourseId,
    DateTimeOffset EnrolledAt,
    DateOnly? TargetDate,
    string? PurchaseId,
    string Status,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    double? WeeklyStudyHours)
{
    public static EnrolmentResponse From(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return new EnrolmentResponse(
            enrolment.CourseId, enrolment.EnrolledAt, enrolment.TargetDate, enrolment.PurchaseId,
            enrolment.Active ? "active" : "withdrawn", enrolment.WithdrawnAt, enrolment.WithdrawalReason, enrolment.WeeklyStudyHours);
    }
}
