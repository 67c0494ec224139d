namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// Compact aggregates of one learner in one course. Every collection is bounded by the course
/// (its lessons and skills), never by the number of statements.
/// </summary>
[GenerateSerializer]
[Alias("mooc.CourseProgressState")]
internal sealed class CourseProgressState
{
    [Id(0)] public HashSet<string> Started { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public HashSet<string> Completed { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long MillisecondsSpent { get; set; }

    [Id(3)] public DateTimeOffset? LastActivity { get; set; }

    [Id(4)] public Dictionary<string, int> SkillCorrect { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public Dictionary<string, int> SkillAttempts { get; set; } = new(StringComparer.Ordinal);

    [Id(6)] public long StatementCount { get; set; }
}
