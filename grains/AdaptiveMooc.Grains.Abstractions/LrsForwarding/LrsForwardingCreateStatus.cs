namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

[GenerateSerializer]
[Alias("mooc.lrs-forwarding.create-status")]
public enum LrsForwardingCreateStatus
{
    Created = 0,

    /// <summary><see cref="LrsForwardingLimits.MaxTargets"/> targets exist already.</summary>
    TooMany = 1,

    /// <summary>The silo keeps statements in memory (no PostgreSQL): nothing to forward from durably.</summary>
    Unavailable = 2,
}
