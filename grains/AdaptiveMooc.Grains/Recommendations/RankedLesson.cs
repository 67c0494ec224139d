namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>A recommended lesson, its score in [0, 1] and why it was recommended.</summary>
internal sealed record RankedLesson(string LessonId, double Score, IReadOnlyList<string> Reasons);
