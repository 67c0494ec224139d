using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>
/// Stripe events as Stripe sends them, signed with Stripe's scheme by the test itself
/// (<c>Stripe-Signature: t={unix time},v1={hex HMAC-SHA256 of "{t}.{payload}" with the endpoint secret}</c>).
/// </summary>
internal static class StripeEvents
{
    public const string WebhookSecret = "whsec_test_0123456789abcdefghijklmnopqrstuv";

    public static string NewEventId() => $"evt_test_{Guid.NewGuid():N}";

    public static JsonObject CheckoutCompleted(string eventId, string orderId, string sessionId, string paymentIntent, long amount, string currency, DateTimeOffset created) =>
        Event(eventId, "checkout.session.completed", created, new JsonObject
        {
            ["id"] = sessionId,
            ["object"] = "checkout.session",
            ["mode"] = "payment",
            ["status"] = "complete",
            ["payment_status"] = "paid",
            ["payment_intent"] = paymentIntent,
            ["amount_total"] = amount,
            ["currency"] = currency,
            ["client_reference_id"] = orderId,
            ["metadata"] = new JsonObject { ["orderId"] = orderId },
        });

    /// <summary>A full refund of the payment intent's charge; its metadata does not name the order (as after a Dashboard refund).</summary>
    public static JsonObject ChargeRefunded(string eventId, string paymentIntent, long amount, string currency, DateTimeOffset created) =>
        Event(eventId, "charge.refunded", created, new JsonObject
        {
            ["id"] = $"ch_test_{Guid.NewGuid():N}",
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_refunded"] = amount,
            ["currency"] = currency,
            ["payment_intent"] = paymentIntent,
            ["refunded"] = true,
            ["paid"] = true,
            ["status"] = "succeeded",
            ["metadata"] = new JsonObject(),
        });

    public static JsonObject DisputeCreated(string eventId, string paymentIntent, long amount, string currency, DateTimeOffset created, string? disputeId = null) =>
        Dispute(eventId, "charge.dispute.created", disputeId ?? $"dp_test_{Guid.NewGuid():N}", "needs_response", paymentIntent, amount, currency, created);

    /// <summary>A dispute's end; <paramref name="status"/> <c>won</c> or <c>lost</c> as Stripe reports it.</summary>
    public static JsonObject DisputeClosed(string eventId, string disputeId, string status, string paymentIntent, long amount, string currency, DateTimeOffset created) =>
        Dispute(eventId, "charge.dispute.closed", disputeId, status, paymentIntent, amount, currency, created);

    private static JsonObject Dispute(string eventId, string type, string disputeId, string status, string paymentIntent, long amount, string currency, DateTimeOffset created) =>
        Event(eventId, type, created, new JsonObject
        {
            ["id"] = disputeId,
            ["object"] = "dispute",
            ["amount"] = amount,
            ["currency"] = currency,
            ["charge"] = $"ch_test_{paymentIntent}",
            ["payment_intent"] = paymentIntent,
            ["reason"] = "fraudulent",
            ["status"] = status,
            ["metadata"] = new JsonObject(),
        });

    public static string Signature(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>POSTs the payload to the webhook, signed (unless <paramref name="signature"/> says otherwise).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, JsonObject stripeEvent)
    {
        var payload = stripeEvent.ToJsonString();
        return PostAsync(client, payload, Signature(payload, WebhookSecret, DateTimeOffset.UtcNow));
    }

    private static JsonObject Event(string id, string type, DateTimeOffset created, JsonObject data) => new()
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2025-01-27.acacia",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data },
    };
}
