namespace AdaptiveMooc.Tools.Tests;

/// <summary>A clock that moves only when told (a replay's sleep moves it by the time slept).</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public Task Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Now += delay;
        return Task.CompletedTask;
    }
}
