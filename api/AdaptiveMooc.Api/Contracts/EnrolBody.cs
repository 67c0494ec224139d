namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>enrolledAt</c> in the past is for admins and importers (API keys) replaying history.</summary>
public sealed record EnrolBody(string? CourseId, DateOnly? TargetDate, string? PurchaseId, DateTimeOffset? EnrolledAt);
