namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>What one <see cref="ILoginThrottleGrain"/> counts (<see cref="LoginThrottleKeys"/>).</summary>
public enum LoginThrottleScope
{
    Account,
    AccountAtAddress,
    Address,
}
