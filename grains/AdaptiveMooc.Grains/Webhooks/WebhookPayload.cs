using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>The body webhooks receive, and the event id a learner notification becomes.</summary>
internal static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(WebhookEvent webhookEvent) => JsonSerializer.Serialize(webhookEvent, Json);

    /// <summary>
    /// The event of a notification. Its id is a name-based UUID of the learner and the notification id,
    /// which is itself stable (the session start or the date), so raising it again gives the same id.
    /// </summary>
    public static WebhookEvent From(string learnerId, LearnerNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new WebhookEvent(
            EventId(learnerId, notification.Id),
            notification.Kind,
            notification.At,
            learnerId,
            notification.CourseId,
            notification.Message,
            notification.SessionStart);
    }

    public static Guid EventId(string learnerId, string notificationId)
    {
        // RFC 9562 version 8 (custom): the first 128 bits of SHA-256, with the version and variant bits set.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mooc-notification\n" + learnerId + "\n" + notificationId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
