namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// When a failed webhook delivery is tried again: exponential backoff from <see cref="First"/>, doubling,
/// capped at <see cref="Longest"/>, with deterministic jitter from the event id so receivers that come
/// back are not hit by every retry at once. After <see cref="MaxAttempts"/> the delivery is abandoned.
/// </summary>
internal static class RetrySchedule
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>Delay after failed attempt number <paramref name="attempt"/> (1-based); null when no attempt is left.</summary>
    public static TimeSpan? DelayAfter(int attempt, string eventId) => DelayAfter(attempt, eventId, First, Longest, MaxAttempts);

    /// <summary>The same rule with the configured first delay, cap and number of attempts.</summary>
    public static TimeSpan? DelayAfter(int attempt, string eventId, TimeSpan first, TimeSpan longest, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (attempt < 1 || attempt >= maxAttempts)
        {
            return null;
        }

        // In double ticks: doubling past the cap must not overflow TimeSpan before the cap applies.
        var baseDelay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, attempt - 1), longest.Ticks));

        // Up to +20%, the same for the same event and attempt (no shared Random in grain code).
        var jitter = StableHash(eventId + "#" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)) % 1000 / 5000.0;
        return baseDelay * (1 + jitter);
    }

    // FNV-1a: string.GetHashCode and HashCode are randomised per process.
    private static uint StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash;
        }
    }
}
