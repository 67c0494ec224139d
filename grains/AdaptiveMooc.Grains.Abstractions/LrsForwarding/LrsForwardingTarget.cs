namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

/// <summary>A forwarding target as admins see it: never its password.</summary>
[GenerateSerializer]
[Alias("mooc.lrs-forwarding.target")]
public sealed record LrsForwardingTarget(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Endpoint,
    [property: Id(2)] string Username,
    [property: Id(3)] IReadOnlyList<string>? CourseIds,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] LrsForwardingProgress Progress);
