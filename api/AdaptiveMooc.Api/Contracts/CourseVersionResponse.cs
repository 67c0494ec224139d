using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>One published, immutable version of a course.</summary>
public sealed record CourseVersionResponse(string CourseId, int Version, DateTimeOffset PublishedAt, bool Current, CourseDefinition Course);
