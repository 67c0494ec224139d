namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

/// <summary>
/// The outside LRSs the platform forwards its stored statements to (key 0; admin routes only). The
/// only writer of the forwarding targets; the silo's forwarder reads them and moves their cursors.
/// </summary>
[Alias("mooc.lrs-forwarding.ILrsForwardingGrain")]
public interface ILrsForwardingGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a target; it starts at the beginning of the statement log.</summary>
    [Alias("Create")]
    Task<LrsForwardingCreateResult> Create(LrsForwardingTargetRequest request);

    /// <summary>Every target with its progress (none on a silo without PostgreSQL, where none can be added).</summary>
    [Alias("List")]
    Task<IReadOnlyList<LrsForwardingTarget>> List();

    /// <summary>The target, or null.</summary>
    [Alias("Get")]
    Task<LrsForwardingTarget?> Get(Guid targetId);

    /// <summary>False when there is no such target. Its cursor and dead letters go with it.</summary>
    [Alias("Delete")]
    Task<bool> Delete(Guid targetId);

    /// <summary>The target's dead letters in log order after <paramref name="afterSequence"/>; null when there is no such target.</summary>
    [Alias("DeadLetters")]
    Task<IReadOnlyList<LrsForwardingDeadLetter>?> DeadLetters(Guid targetId, long afterSequence, int limit);

    /// <summary>Marks every dead letter of the target for one more delivery; how many, or null when there is no such target.</summary>
    [Alias("RetryDeadLetters")]
    Task<int?> RetryDeadLetters(Guid targetId);
}
