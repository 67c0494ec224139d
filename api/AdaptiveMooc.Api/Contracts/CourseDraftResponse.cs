using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// The version trainers edit: the draft when one waits, else the published definition (or, before the first
/// publication, the only one). <see cref="Version"/> is the number publishing it gives.
/// </summary>
public sealed record CourseDraftResponse(string CourseId, int Version, int PublishedVersion, bool HasDraft, CourseDefinition Course);
