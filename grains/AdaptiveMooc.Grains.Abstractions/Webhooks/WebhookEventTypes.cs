namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>The events a webhook may subscribe to (<see cref="All"/>): the learner notifications of the plan watch.</summary>
public static class WebhookEventTypes
{
    public const string SessionReminder = "session-reminder";
    public const string MissedSession = "missed-session";
    public const string Inactive = "inactive";

    /// <summary>Sent on request to one webhook (<c>POST /api/webhooks/{id}/pings</c>), whatever it subscribed to.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } = [SessionReminder, MissedSession, Inactive];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
