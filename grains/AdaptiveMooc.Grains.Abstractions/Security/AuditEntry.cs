namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>Who did what to which target, and when. <paramref name="Detail"/> is a short JSON or text note.</summary>
[GenerateSerializer, Immutable, Alias("mooc.security.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string ActorKind,
    [property: Id(2)] string ActorId,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Detail);
