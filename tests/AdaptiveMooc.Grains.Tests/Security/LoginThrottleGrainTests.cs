using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class LoginThrottleGrainTests(SecurityClusterFixture fixture)
{
    private ILoginThrottleGrain NewThrottle() =>
        fixture.Client.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.AccountAtAddress(NewAccount(), "192.0.2.1"));

    private static string NewAccount() => "Trainer:" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData("address", 20)]
    [InlineData("account", 100)]
    public async Task An_address_and_an_account_from_everywhere_have_their_own_higher_thresholds(string scope, int threshold)
    {
        var key = scope == "address" ? LoginThrottleKeys.Address("2001:db8::" + Random.Shared.Next(1, 65535).ToString("x", System.Globalization.CultureInfo.InvariantCulture)) : NewAccount();
        var throttle = fixture.Client.GetGrain<ILoginThrottleGrain>(key);
        for (var i = 0; i < threshold - 1; i++)
        {
            Assert.True((await throttle.RecordFailure()).Allowed);
        }

        Assert.False((await throttle.RecordFailure()).Allowed);
    }

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
