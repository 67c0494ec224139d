namespace AdaptiveMooc.Api.Contracts;

/// <summary>Body of <c>PUT /api/courses/{courseId}/lessons/{lessonId}/content</c>: <c>format</c> is <c>markdown</c>; an empty <c>body</c> removes it.</summary>
public sealed record LessonContentBody(string? Format, string? Body);
