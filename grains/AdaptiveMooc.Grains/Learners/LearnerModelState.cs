namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// The persisted online learner model of one course: the ML states as JSON (their own classes are the
/// feature code shared with training) and when each skill was last practised. Bounded by the course's
/// skills, items and lessons (<c>LearnerRankingState</c> keeps at most 64 lessons), never by statements.
/// </summary>
[GenerateSerializer]
[Alias("mooc.LearnerModelState")]
internal sealed class LearnerModelState
{
    /// <summary>Day 0 of the learner's course days, fixed at the first event.</summary>
    [Id(0)] public DateTimeOffset Start { get; set; }

    /// <summary>JSON of <c>LearnerKnowledgeState</c>.</summary>
    [Id(1)] public string? Knowledge { get; set; }

    /// <summary>JSON of <c>LearnerPacingState</c>.</summary>
    [Id(2)] public string? Pacing { get; set; }

    /// <summary>JSON of <c>LearnerRankingSnapshot</c>.</summary>
    [Id(3)] public string? Ranking { get; set; }

    [Id(4)] public Dictionary<string, DateTimeOffset> LastPractised { get; set; } = new(StringComparer.Ordinal);
}
