using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class LoginThrottleGrainTests(SecurityClusterFixture fixture)
{
    private ILoginThrottleGrain NewThrottle() => fixture.Client.GetGrain<ILoginThrottleGrain>("trainer:" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await throttle.RecordFailure()).Allowed);
        }

        var locked = await throttle.RecordFailure();
        Assert.False(locked.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.RetryAfter);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var stillLocked = await throttle.Check();
        Assert.False(stillLocked.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(5), stillLocked.RetryAfter);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await throttle.Check()).Allowed);
    }

    [Fact]
    public async Task Failures_while_locked_do_not_extend_the_lock()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 5; i++)
        {
            await throttle.RecordFailure();
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(14));
        var gate = await throttle.RecordFailure();
        Assert.False(gate.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(1), gate.RetryAfter);
    }

    [Fact]
    public async Task A_success_forgets_earlier_failures()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 4; i++)
        {
            await throttle.RecordFailure();
        }

        await throttle.RecordSuccess();
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await throttle.RecordFailure()).Allowed);
        }
    }

    [Fact]
    public async Task Failures_spread_beyond_the_window_never_lock()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 8; i++)
        {
            Assert.True((await throttle.RecordFailure()).Allowed);
            fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        }
    }
}
