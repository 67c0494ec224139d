namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>A target as the forwarder reads it: its protected password, cursor and retry state.</summary>
internal sealed record ForwardingTargetRow(
    Guid Id,
    Uri Endpoint,
    string Username,
    byte[] ProtectedPassword,
    IReadOnlyList<string>? CourseIds,
    long Cursor,
    int Attempts,
    DateTimeOffset? NextAttemptAt);
