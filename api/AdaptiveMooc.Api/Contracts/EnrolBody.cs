namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>enrolledAt</c> in the past is for admins and importers (API keys) replaying history.
/// <c>weeklyStudyHours</c>: hours a week the learner studies in all, this course included (optional).
/// A paid course needs access first (docs/PAYMENTS.md): <c>orderId</c> names the learner's paid order for the
/// course, or <c>voucher</c> is a code to redeem (once); a provider's grant needs neither. There is no purchase id.
/// </summary>
public sealed record EnrolBody(
    string? CourseId, DateOnly? TargetDate, DateTimeOffset? EnrolledAt, double? WeeklyStudyHours = null, string? OrderId = null, string? Voucher = null);
