namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

/// <summary>A new target, validated by the caller (<see cref="LrsForwardingLimits"/>). <see cref="CourseIds"/> null: every statement.</summary>
[GenerateSerializer]
[Alias("mooc.lrs-forwarding.target-request")]
public sealed record LrsForwardingTargetRequest(
    [property: Id(0)] Uri Endpoint,
    [property: Id(1)] string Username,
    [property: Id(2)] string Password,
    [property: Id(3)] IReadOnlyList<string>? CourseIds,
    [property: Id(4)] string CreatedBy);
