namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>enrolledAt</c> in the past is for admins and importers (API keys) replaying history.
/// <c>weeklyStudyHours</c>: hours a week the learner studies in all, this course included (optional).
/// </summary>
public sealed record EnrolBody(string? CourseId, DateOnly? TargetDate, string? PurchaseId, DateTimeOffset? EnrolledAt, double? WeeklyStudyHours = null);
