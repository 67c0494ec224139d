namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>Everything a ranking depends on; the ranker reads nothing else (not even the clock).</summary>
/// <param name="Lessons">Every lesson of the course.</param>
/// <param name="Completed">Lessons the learner completed.</param>
/// <param name="Skills">Learner model per skill; skills never practised are absent.</param>
/// <param name="ModelScores">Ranking model scores per lesson id, or null when no model is serving.</param>
/// <param name="Now">The instant of the request.</param>
/// <param name="NextWindow">Length of the learner's next free window, when they declared any.</param>
/// <param name="HasHistory">Whether the learner has any statement in the course.</param>
/// <param name="Limit">How many lessons to return.</param>
internal sealed record RecommendationRequest(
    IReadOnlyList<CandidateLesson> Lessons,
    IReadOnlySet<string> Completed,
    IReadOnlyDictionary<string, SkillMemory> Skills,
    IReadOnlyDictionary<string, float>? ModelScores,
    DateTimeOffset Now,
    TimeSpan? NextWindow,
    bool HasHistory,
    int Limit);
