namespace AdaptiveMooc.Api.Contracts;

/// <summary>A provider's grant of a course to a learner (a scholarship, staff, a sponsor paying outside the platform).</summary>
public sealed record GrantBody(string? LearnerId, string? CourseId);
