using System.Threading.Channels;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>Wakes this silo's delivery worker when an event was queued here, so it need not wait for the next poll.</summary>
internal sealed class WebhookWakeup
{
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Pulse() => signals.Writer.TryWrite(true);

    /// <summary>Completes at the next pulse or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await signals.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a pulse.
        }
    }
}
