namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// One learner in one course as analytics see it. Every collection is bounded by the course (its
/// lessons and skills) or by a fixed cap (days, attempts), never by the number of statements, and
/// every field except the skill and activity counts is a min/max/union, so statements applied out of order
/// give the same row; <see cref="LastSequence"/> makes applying the same statement twice a no-op. Answers for any <c>asOf</c> are computed from these timestamps.
/// </summary>
[GenerateSerializer]
[Alias("mooc.LearnerAnalyticsRow")]
public sealed class LearnerAnalyticsRow
{
    /// <summary>Days of activity kept per learner (the most recent ones).</summary>
    public const int MaxDays = 400;

    /// <summary>Scored attempts kept per lesson (the most recent ones).</summary>
    public const int MaxAttempts = 10;

    /// <summary>Knowledge-tracing mastery points kept per skill (the most recent by timestamp).</summary>
    public const int MaxMasteryPoints = 10;

    [Id(0)] public string LearnerId { get; set; } = string.Empty;

    [Id(1)] public DateTimeOffset? EnrolledAt { get; set; }

    [Id(2)] public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Weekly study hours the learner declared at enrolment (all current study); null when not declared.</summary>
    [Id(13)] public double? WeeklyStudyHours { get; set; }

    /// <summary>Lesson → timestamp of the first statement about it.</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> Started { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lesson → timestamp of the first statement completing it.</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> Completed { get; set; } = new(StringComparer.Ordinal);

    /// <summary><see cref="DateOnly.DayNumber"/> of a UTC day → first and last statement of that day.</summary>
    [Id(5)] public SortedDictionary<int, DayActivity> Days { get; set; } = [];

    /// <summary>Lesson → its most recent scored attempts.</summary>
    [Id(6)] public Dictionary<string, List<ScoredAttempt>> Scores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Graded outcomes per skill; counted once per statement because the learner grain applies each statement once.</summary>
    [Id(7)] public Dictionary<string, int> SkillAttempts { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public Dictionary<string, int> SkillCorrect { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="DateOnly.DayNumber"/> of a UTC day → learning events that day other than those in
    /// <see cref="Graded"/> (the risk model's "clicks"), summed with each event's count. Same cap as <see cref="Days"/>.
    /// </summary>
    [Id(9)] public SortedDictionary<int, int> Activity { get; set; } = [];

    /// <summary>Lesson → its most recent completed/passed/failed statements (at most <see cref="MaxAttempts"/>; older ones move to <see cref="Activity"/>).</summary>
    [Id(10)] public Dictionary<string, List<GradedAttempt>> Graded { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sequence of the last statement of this learner about this course applied to the row. The store
    /// holds everything after it, so a shard catches the row up from there after a crash.
    /// </summary>
    [Id(11)] public long LastSequence { get; set; }

    /// <summary>Skill → the learner's knowledge-tracing mastery after their latest answers on it (at most <see cref="MaxMasteryPoints"/>, by timestamp).</summary>
    [Id(12)] public Dictionary<string, List<MasteryPoint>> Mastery { get; set; } = new(StringComparer.Ordinal);
}
