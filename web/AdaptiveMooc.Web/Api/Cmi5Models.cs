namespace AdaptiveMooc.Web.Api;

/// <summary>The cmi5 launch of one AU (docs/XAPI.md, "cmi5"): open <see cref="Url"/> as <see cref="LaunchMethod"/> says.</summary>
public sealed record Cmi5Launch(string Url, string AuId, string ActivityId, Guid Registration, Guid SessionId, string LaunchMethod, string MoveOn, double? MasteryScore);

/// <summary>Where each AU of a learner's cmi5 lesson stands.</summary>
public sealed record Cmi5LessonStatus(string CourseId, string LessonId, Guid Registration, bool Satisfied, IReadOnlyList<Cmi5AuStatus> Aus);

public sealed record Cmi5AuStatus(string AuId, string Title, string MoveOn, bool Launched, bool Completed, bool Passed, bool Failed, bool Waived, bool Satisfied);
