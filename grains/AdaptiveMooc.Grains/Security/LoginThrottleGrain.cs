using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Security;

/// <summary>
/// Persists its counters so a lockout survives the activation being collected or moved to another silo.
/// One grain per account at an address, per address and per account, each with its own threshold.
/// </summary>
[GrainType("mooc-login-throttle")]
internal sealed class LoginThrottleGrain(
    [PersistentState("loginThrottle", StorageNames.Default)] IPersistentState<LoginThrottleState> state,
    IOptions<LoginThrottleOptions> options,
    TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly LoginThrottleOptions policy = options.Value;

    public Task<LoginGate> Check() => Task.FromResult(Gate(time.GetUtcNow()));

    public async Task<LoginGate> RecordFailure()
    {
        var now = time.GetUtcNow();
        var gate = Gate(now);
        if (!gate.Allowed)
        {
            return gate;
        }

        var s = state.State;
        if (s.FirstFailureAt is null || now - s.FirstFailureAt.Value > policy.FailureWindow)
        {
            s.FirstFailureAt = now;
            s.Failures = 0;
        }

        s.Failures++;
        if (s.Failures >= Threshold())
        {
            s.LockedUntil = now + policy.LockoutDuration;
            s.Failures = 0;
            s.FirstFailureAt = null;
        }

        await state.WriteStateAsync();
        return Gate(now);
    }

    public async Task RecordSuccess()
    {
        var s = state.State;
        if (s.Failures == 0 && s.LockedUntil is null && s.FirstFailureAt is null)
        {
            return;
        }

        state.State = new LoginThrottleState();
        await state.WriteStateAsync();
    }

    /// <summary>The key says what is counted (<see cref="LoginThrottleKeys"/>): an account at one address, an address, or an account.</summary>
    private int Threshold() => LoginThrottleKeys.ScopeOf(this.GetPrimaryKeyString()) switch
    {
        LoginThrottleScope.AccountAtAddress => policy.MaxFailures,
        LoginThrottleScope.Address => policy.AddressMaxFailures,
        _ => policy.AccountMaxFailures,
    };

    private LoginGate Gate(DateTimeOffset now) =>
        state.State.LockedUntil is { } until && until > now ? new LoginGate(false, until - now) : LoginGate.Open;
}
