namespace AdaptiveMooc.Api.Contracts;

/// <summary>Launch one AU of a cmi5 lesson: <c>auId</c> (the publisher id from cmi5.xml; default the first AU) and the page the AU returns to.</summary>
public sealed record Cmi5LaunchBody(string? AuId, string? ReturnUrl);

/// <summary>The cmi5 launch URL (open it as <c>launchMethod</c> says) and what it carries.</summary>
public sealed record Cmi5LaunchResponse(string Url, string AuId, string ActivityId, Guid Registration, Guid SessionId, string LaunchMethod, string MoveOn, double? MasteryScore);

/// <summary>Waive one AU of a cmi5 lesson for a learner (cmi5 9.3.7); the reason is required (Tested, Equivalent, Administrative).</summary>
public sealed record Cmi5WaiverBody(string? AuId, string? Reason);

/// <summary>Where each AU of a learner's cmi5 lesson stands.</summary>
public sealed record Cmi5LessonStatusResponse(string CourseId, string LessonId, Guid Registration, bool Satisfied, IReadOnlyList<Cmi5AuStatusResponse> Aus);

public sealed record Cmi5AuStatusResponse(string AuId, string Title, string MoveOn, bool Launched, bool Completed, bool Passed, bool Failed, bool Waived, bool Satisfied);
