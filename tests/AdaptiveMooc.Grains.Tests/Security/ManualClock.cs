namespace AdaptiveMooc.Grains.Tests.Security;

/// <summary>A clock the tests move by hand, so lockout and expiry are tested without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
