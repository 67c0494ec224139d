namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>The new session's id, and the unterminated session the launch abandoned (null when none).</summary>
[GenerateSerializer]
[Alias("mooc.Cmi5LaunchTicket")]
public sealed record Cmi5LaunchTicket(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid? AbandonedSessionId,
    [property: Id(2)] DateTimeOffset? AbandonedSessionStarted);
