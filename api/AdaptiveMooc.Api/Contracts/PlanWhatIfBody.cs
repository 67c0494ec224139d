namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// What to try: other weekly windows, a target date (for <c>courseId</c>, else every active enrolment),
/// or a course to add as if enrolled now. Every field is optional.
/// </summary>
public sealed record PlanWhatIfBody(IReadOnlyList<WindowBody>? WeeklyAvailability, DateOnly? TargetDate, string? CourseId);
