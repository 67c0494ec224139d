namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>The forwarder's settings (<c>Mooc:LrsForwarding</c>); the defaults are the documented ones (docs/XAPI.md).</summary>
public sealed class LrsForwardingOptions
{
    public const string Section = "Mooc:LrsForwarding";

    /// <summary>False keeps this silo from ever taking the forwarding lease (another silo still forwards).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the statement log is looked at when the last round found nothing more to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the lease holder looks for targets while none exists; adding a target wakes it at once (PostgreSQL
    /// NOTIFY), so this only bounds how late a target inserted behind the API's back is seen.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a silo without the lease tries to take it.</summary>
    public TimeSpan LeaseRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Statements per POST to the target.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Upper bound of one POST's body (at least one statement is always sent).</summary>
    public int MaxBatchBytes { get; set; } = 512 * 1024;

    /// <summary>How long the target has to answer one POST.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts of one statement the target answers with a server error (500, 501, 505+) before it is
    /// dead-lettered. Unreachable targets (connection errors, timeouts, 401, 408, 429, 502, 503, 504) are
    /// retried without limit: an outage delays forwarding, it never dead-letters.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The AES-256 key that protects target passwords at rest; created (0600) on first use. Every silo needs the same file.</summary>
    public string KeyPath { get; set; } = Path.Combine(".data", "secrets", "lrs-forwarding.key");
}
