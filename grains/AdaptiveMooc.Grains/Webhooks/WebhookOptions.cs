using AdaptiveMooc.Grains.Notifications;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>The delivery worker's settings (<c>Mooc:Webhooks</c>); the defaults are the documented ones.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Mooc:Webhooks";

    /// <summary>False stops this silo's delivery worker (deliveries stay queued for other silos or a restart).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>How often the outbox is read when nothing was queued in this silo meanwhile.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery is held; longer than <see cref="Timeout"/>, so no two attempts overlap.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxAttempts { get; set; } = RetrySchedule.MaxAttempts;

    public TimeSpan FirstRetry { get; set; } = RetrySchedule.First;

    public TimeSpan LongestRetry { get; set; } = RetrySchedule.Longest;

    /// <summary>
    /// TEST ONLY: lets deliveries connect to loopback addresses (127.0.0.0/8, ::1), for a receiver on
    /// the test machine. Every other special-use address stays refused. Never set it in production:
    /// it opens the silo's own ports (and anything else on the host) to webhook owners.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Deliveries sent together (in parallel) per poll.</summary>
    public int BatchSize { get; set; } = 32;
}
