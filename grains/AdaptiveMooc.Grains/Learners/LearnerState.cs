using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Learners;

[GenerateSerializer]
[Alias("mooc.LearnerState")]
internal sealed class LearnerState
{
    [Id(0)] public bool Registered { get; set; }

    [Id(1)] public string Name { get; set; } = string.Empty;

    [Id(2)] public string Email { get; set; } = string.Empty;

    [Id(3)] public string PasswordHash { get; set; } = string.Empty;

    [Id(4)] public string TimeZone { get; set; } = "UTC";

    [Id(5)] public List<AvailabilityWindow> WeeklyAvailability { get; set; } = [];

    [Id(6)] public DateTimeOffset RegisteredAt { get; set; }

    [Id(7)] public Dictionary<string, Enrolment> Enrolments { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public Dictionary<string, CourseProgressState> Progress { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sequence of the last statement folded into <see cref="Progress"/>; the store holds everything after it.</summary>
    [Id(9)] public long LastAppliedSequence { get; set; }

    /// <summary>The online learner model per course (<see cref="LearnerModelStates"/>), saved with <see cref="Progress"/>.</summary>
    [Id(10)] public Dictionary<string, LearnerModelState> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per course, the sequence of the last statement about it sent to the course's analytics: the next
    /// fact carries it, so a shard row that missed one (a failed call) sees the gap and catches up.
    /// </summary>
    [Id(11)] public Dictionary<string, long> AnalyticsSequences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Statements applied (the storage quota's count); counted from when this field was added.</summary>
    [Id(12)] public long StatementsStored { get; set; }

    /// <summary>The current address was confirmed through a mailed link.</summary>
    [Id(13)] public bool EmailVerified { get; set; }

    /// <summary>An address asked for and not yet confirmed (it replaces <see cref="Email"/> once confirmed).</summary>
    [Id(14)] public string? PendingEmail { get; set; }

    /// <summary>Moves on with every password change: reset tokens made before it stop working.</summary>
    [Id(15)] public int PasswordStamp { get; set; }

    /// <summary>The account was deleted (docs/ACCOUNTS.md): the personal data is gone, the id stays held.</summary>
    [Id(16)] public bool Erased { get; set; }

    /// <summary>When the deletion began; set before any step runs, so a crash midway resumes it.</summary>
    [Id(17)] public DateTimeOffset? ErasureStartedAt { get; set; }
}
