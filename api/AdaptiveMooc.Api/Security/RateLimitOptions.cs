namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Per-caller request limits (section <c>Mooc:RateLimit</c>): a fixed window per API key, per account
/// and, for anonymous requests, per remote address. Generous by default; benchmarks raise them here.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Mooc:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per <see cref="Window"/> for one authenticated caller (key, learner, trainer, admin).</summary>
    public int PermitLimit { get; set; } = 6000;

    /// <summary>Requests per <see cref="Window"/> for one remote address without valid credentials.</summary>
    public int AnonymousPermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
