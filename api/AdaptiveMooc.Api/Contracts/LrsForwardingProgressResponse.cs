namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// The outbox of one target: <c>cursor</c> (every matching statement up to this log sequence is delivered or
/// dead-lettered), <c>latestSequence</c> (the log's newest), <c>pending</c> (matching statements after the
/// cursor, counted up to 100,000: <c>pendingCapped</c>), <c>lagSeconds</c> (age of the oldest pending one),
/// <c>failedAttempts</c> at the cursor with the last error and the next attempt.
/// </summary>
public sealed record LrsForwardingProgressResponse(
    long Cursor,
    long LatestSequence,
    long Forwarded,
    long Pending,
    bool PendingCapped,
    double LagSeconds,
    int DeadLetters,
    int FailedAttempts,
    string? LastError,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? NextAttemptAt);
