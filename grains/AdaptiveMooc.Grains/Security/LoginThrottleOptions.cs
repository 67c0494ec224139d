namespace AdaptiveMooc.Grains.Security;

/// <summary>Failed-login lockout policy (configuration section <c>Mooc:LoginThrottle</c> in the silo).</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Mooc:LoginThrottle";

    /// <summary>Consecutive failures that close the account for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this are forgotten, so occasional typos never add up to a lockout.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
