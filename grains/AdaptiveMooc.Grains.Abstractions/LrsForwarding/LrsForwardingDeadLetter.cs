namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

/// <summary>A statement the target refused (or failed on too many times); re-sent only when an admin asks.</summary>
[GenerateSerializer]
[Alias("mooc.lrs-forwarding.dead-letter")]
public sealed record LrsForwardingDeadLetter(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Guid StatementId,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] int Attempts,
    [property: Id(4)] int? StatusCode,
    [property: Id(5)] string LastError,
    [property: Id(6)] DateTimeOffset DeadAt,
    [property: Id(7)] bool RetryRequested);
