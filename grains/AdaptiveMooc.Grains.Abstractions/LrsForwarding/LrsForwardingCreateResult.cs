namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

[GenerateSerializer]
[Alias("mooc.lrs-forwarding.create-result")]
public sealed record LrsForwardingCreateResult(
    [property: Id(0)] LrsForwardingCreateStatus Status,
    [property: Id(1)] LrsForwardingTarget? Target);
