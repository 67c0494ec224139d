namespace AdaptiveMooc.ML.Ranking;

/// <summary>A recommended lesson and its model score (higher first; comparable within one ranking only).</summary>
public sealed record ScoredLesson(string LessonId, float Score);
