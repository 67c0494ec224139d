using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// Failed-login counter for one account (keyed by the resolved account, or the lower-cased username
/// when it resolves to none): after too many failures in a row, logins are refused for a while.
/// </summary>
[Alias("mooc.security.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    [Alias("Check"), ReadOnly]
    Task<LoginGate> Check();

    [Alias("RecordFailure")]
    Task<LoginGate> RecordFailure();

    [Alias("RecordSuccess")]
    Task RecordSuccess();
}
