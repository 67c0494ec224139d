namespace AdaptiveMooc.Grains.Security;

/// <summary>Failed-login lockout policy (configuration section <c>Mooc:LoginThrottle</c> in the silo).</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Mooc:LoginThrottle";

    /// <summary>Failures for one account from one address that close that account to that address for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Failures from one address, whatever the accounts, that close sign-in to that address.</summary>
    public int AddressMaxFailures { get; set; } = 20;

    /// <summary>
    /// Failures for one account from all addresses together that close the account to everyone (guessing
    /// spread over many addresses). Above <see cref="AddressMaxFailures"/>, so no single client can reach it.
    /// </summary>
    public int AccountMaxFailures { get; set; } = 100;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this are forgotten, so occasional typos never add up to a lockout.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
