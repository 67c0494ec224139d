namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// The highest sequence below which the statement log can no longer change. Sequences are drawn before
/// their transaction commits, so with several silos writing, sequence 41 may become visible after 42: a
/// cursor that passed 42 would skip 41 for ever. An observation takes, in one snapshot, the highest
/// visible sequence H and the transactions still in progress; once every one of those has ended, no
/// statement with a sequence up to H can still appear (a transaction that had not started by then draws
/// a higher sequence). The statement store makes this hold by taking its transaction id before it
/// draws a sequence (<c>pg_current_xact_id()</c> in its lock statement): a writer holding a sequence
/// is always in the snapshot's in-progress list.
/// </summary>
internal sealed class StableHorizon(LrsForwardingStore store)
{
    private (long MaxSequence, string[] InProgress)? pending;

    public long Stable { get; private set; }

    /// <summary>Advances <see cref="Stable"/> as far as the log allows now; costs one or two small queries.</summary>
    public async Task<long> ObserveAsync(CancellationToken cancellationToken)
    {
        if (pending is { } waiting && await store.AllEndedAsync(waiting.InProgress, cancellationToken))
        {
            Stable = Math.Max(Stable, waiting.MaxSequence);
            pending = null;
        }

        // An older observation still waiting is kept until it resolves, so a busy log (always some writer
        // in progress) still moves the horizon forward every other round.
        if (pending is null)
        {
            var observed = await store.ObserveAsync(cancellationToken);
            if (observed.InProgress.Length == 0)
            {
                Stable = Math.Max(Stable, observed.MaxSequence);
            }
            else if (observed.MaxSequence > Stable)
            {
                pending = observed;
            }
        }

        return Stable;
    }
}
