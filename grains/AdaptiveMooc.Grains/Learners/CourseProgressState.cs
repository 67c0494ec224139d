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

    /// <summary>Best <c>result.score.scaled</c> per quiz or assignment lesson (what the certificate rule reads).</summary>
    [Id(7)] public Dictionary<string, double> BestScores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The certificate rule holds but issuance is not yet confirmed (see <see cref="CertificateTrigger"/>).</summary>
    [Id(8)] public bool CertificateDue { get; set; }

    /// <summary>The certificate grain confirmed the certificate: no more evaluations for this course.</summary>
    [Id(9)] public bool CertificateIssued { get; set; }
}
