namespace AdaptiveMooc.Grains;

/// <summary>
/// Background writes of a grain's state that can be rebuilt if lost (learner progress folds the statement
/// log; analytics shards are derived): the state is written every <c>flushEvery</c> changes, or
/// <c>flushDelay</c> after the first unwritten one, instead of once per change.
/// </summary>
internal sealed class WriteBehind(IGrainBase grain, Func<Task> write, int flushEvery, TimeSpan flushDelay)
{
    private int unwritten;
    private IGrainTimer? timer;

    public bool Pending => unwritten > 0;

    /// <summary>Counts <paramref name="changes"/> changes: writes now when enough are waiting, else makes sure a delayed write is due.</summary>
    public async Task Changed(int changes = 1)
    {
        if (changes == 0)
        {
            return;
        }

        unwritten += changes;
        if (unwritten >= flushEvery)
        {
            await Write();
        }
        else
        {
            timer ??= grain.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(flushDelay, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Writes now (also for changes that must be durable before they are acknowledged).</summary>
    public async Task Write()
    {
        await write();
        unwritten = 0;
    }

    private async Task OnTimer(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        timer = null;
        if (unwritten > 0)
        {
            await Write();
        }
    }
}
