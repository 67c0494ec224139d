namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>enrolledAt</c> in the past is for admins and importers (API keys) replaying history.
/// <c>weeklyStudyHours</c>: hours a week the learner studies in all, this course included (optional).
/// A paid course needs access first (an order, a voucher, a grant: docs/PAYMENTS.md); there is no purchase id.
/// </summary>
public sealed record EnrolBody(string? CourseId, DateOnly? TargetDate, DateTimeOffset? EnrolledAt, double? WeeklyStudyHours = null);
