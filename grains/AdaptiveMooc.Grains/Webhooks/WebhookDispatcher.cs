using System.Net.Http.Headers;
using System.Text;
using AdaptiveMooc.Grains.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>
/// Sends due deliveries from the outbox: POST of the stored JSON body with <c>X-Mooc-Signature</c>,
/// <c>X-Mooc-Event-Id</c>, <c>X-Mooc-Event</c> and the Standard Webhooks headers (<see cref="WebhookSignature"/>). A 2xx marks the delivery delivered (it is never sent
/// again); anything else, a timeout or a network error schedules the next attempt by
/// <see cref="RetrySchedule"/>, and the last failed attempt leaves it dead (a dead letter).
/// Redirects are not followed: a receiver answers where it was registered. Deliveries of an owner that is
/// no longer active (a revoked API key) are dead-lettered without being sent.
/// </summary>
internal sealed class WebhookDispatcher(
    IWebhookStore store, IWebhookOwners owners, HttpClient http, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
{
    public const string UserAgent = "AdaptiveMooc-Webhooks/1";

    private readonly WebhookOptions settings = options.Value;

    /// <summary>Sends one batch of due deliveries; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(clock.GetUtcNow(), settings.Lease, settings.BatchSize);
        var active = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var owner in claimed.Select(d => d.Owner).Distinct(StringComparer.Ordinal))
        {
            active[owner] = await owners.IsActiveAsync(owner);
        }

        await Task.WhenAll(claimed.Select(d => active[d.Owner]
            ? DeliverAsync(d, cancellationToken)
            : store.MarkFailedAsync(d.Id, "owner revoked: not sent", clock.GetUtcNow(), null)));
        return claimed.Count;
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, body));
            request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, delivery.EventId.ToString("D"));
            request.Headers.TryAddWithoutValidation(WebhookSignature.EventTypeHeader, delivery.EventType);
            var id = delivery.EventId.ToString("D");
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.TryAddWithoutValidation(WebhookSignature.StandardIdHeader, id);
            request.Headers.TryAddWithoutValidation(WebhookSignature.StandardTimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookSignature.StandardSignatureHeader, WebhookSignature.SignStandard(delivery.Secret, id, timestamp, body));
            request.Headers.UserAgent.ParseAdd(UserAgent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"no answer within {settings.Timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            // Fixed texts only: an exception message could name the address or tell a refused port from a
            // silent one, and dead letters are shown to the webhook's owner.
            error = e.InnerException is WebhookAddressRefusedException ? WebhookConnector.Refused : FailureText(e.HttpRequestError);
        }

        var now = clock.GetUtcNow();
        if (error is null)
        {
            await store.MarkDeliveredAsync(delivery.Id, now);
            return;
        }

        var delay = RetrySchedule.DelayAfter(delivery.Attempt, delivery.EventId.ToString("D"), settings.FirstRetry, settings.LongestRetry, settings.MaxAttempts);
        await store.MarkFailedAsync(delivery.Id, error, now, now + delay);
        if (delay is null)
        {
            logger.LogWarning(
                "Webhook {WebhookId}: event {EventId} dead after {Attempts} attempts ({Error}).", delivery.WebhookId, delivery.EventId, delivery.Attempt, error);
        }
    }

    private static string FailureText(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "host name not resolved",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        HttpRequestError.ConnectionError => "connection failed",
        _ => "request failed",
    };
}
