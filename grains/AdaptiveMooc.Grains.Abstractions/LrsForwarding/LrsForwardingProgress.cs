namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

/// <summary>
/// Where a target's forwarding stands (the outbox depth and lag). <see cref="Cursor"/>: every matching
/// statement with a sequence up to it was acknowledged by the target or dead-lettered. <see cref="Pending"/>:
/// matching statements after the cursor, counted up to <see cref="LrsForwardingLimits.PendingCountedUpTo"/>
/// (<see cref="PendingCapped"/> when there are more). <see cref="LagSeconds"/>: how long ago the oldest
/// pending statement was stored (0 when none is pending).
/// </summary>
[GenerateSerializer]
[Alias("mooc.lrs-forwarding.progress")]
public sealed record LrsForwardingProgress(
    [property: Id(0)] long Cursor,
    [property: Id(1)] long LatestSequence,
    [property: Id(2)] long Forwarded,
    [property: Id(3)] long Pending,
    [property: Id(4)] bool PendingCapped,
    [property: Id(5)] double LagSeconds,
    [property: Id(6)] int DeadLetters,
    [property: Id(7)] int FailedAttempts,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset? LastAttemptAt,
    [property: Id(10)] DateTimeOffset? LastSuccessAt,
    [property: Id(11)] DateTimeOffset? NextAttemptAt);
