using System.Text;
using AdaptiveMooc.Grains.Abstractions.Webhooks;
using AdaptiveMooc.Grains.Notifications;
using AdaptiveMooc.Grains.Tests.Security;
using AdaptiveMooc.Grains.Webhooks;
using AdaptiveMooc.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

/// <summary>
/// The delivery rules against a real receiver over HTTP, on each store (memory and PostgreSQL run the same
/// scenarios). The clock is moved by hand, so backoff is checked without waiting for it.
/// </summary>
public abstract class WebhookDeliveryScenarios
{
    private readonly ManualClock clock = new();

    private protected abstract IWebhookStore Store { get; }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_until_a_2xx_and_then_never_again()
    {
        await using var receiver = new WebhookReceiver(500, 503);
        var webhook = await Subscribe(receiver.Url, WebhookEventTypes.SessionReminder);
        var dispatcher = Dispatcher(maxAttempts: 8);
        var ev = Event(WebhookEventTypes.SessionReminder);
        Assert.Equal(1, await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow()));

        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(4)); // 13 s: past 10 s + at most 20% jitter.
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(19)); // The second delay doubles: 20-24 s.
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow()));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));

        var requests = receiver.Received;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(ev.Id.ToString("D"), r.Header(WebhookSignature.EventIdHeader));
            Assert.Equal(WebhookEventTypes.SessionReminder, r.Header(WebhookSignature.EventTypeHeader));
            Assert.True(WebhookSignature.Verify(webhook.Secret, r.Body, r.Header(WebhookSignature.Header)));
            AssertStandardSignature(webhook.Secret, r);
            Assert.Equal(requests[0].Body, r.Body);
        });
        Assert.Contains("\"learnerId\":\"" + ev.LearnerId + "\"", Encoding.UTF8.GetString(requests[0].Body), StringComparison.Ordinal);
        var view = (await Store.GetAsync(null, webhook.Id))!;
        Assert.Equal((0, 1, 0), (view.Pending, view.Delivered, view.DeadLettered));
    }

    [Fact]
    public void The_signature_fails_after_any_one_byte_of_the_body_changes()
    {
        var body = Encoding.UTF8.GetBytes(WebhookPayload.Serialize(Event(WebhookEventTypes.Inactive)));
        var secret = WebhookSignature.NewSecret();
        var signature = WebhookSignature.Sign(secret, body);

        Assert.True(WebhookSignature.Verify(secret, body, signature));
        for (var i = 0; i < body.Length; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[i] ^= 0x01;
            Assert.False(WebhookSignature.Verify(secret, tampered, signature));
        }
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_lettered_after_the_last_attempt()
    {
        await using var receiver = new WebhookReceiver { Always = 500 };
        var webhook = await Subscribe(receiver.Url, WebhookEventTypes.MissedSession);
        var dispatcher = Dispatcher(maxAttempts: 3);
        var ev = Event(WebhookEventTypes.MissedSession);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());

        for (var i = 0; i < 6; i++)
        {
            await dispatcher.DeliverDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(3, receiver.Received.Count);
        var view = (await Store.GetAsync(null, webhook.Id))!;
        Assert.Equal((0, 0, 1), (view.Pending, view.Delivered, view.DeadLettered));
        var dead = Assert.Single(view.DeadLetters);
        Assert.Equal(ev.Id, dead.EventId);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("HTTP 500", dead.LastError);
    }

    [Fact]
    public async Task An_event_goes_once_to_each_webhook_subscribed_to_its_type_and_not_after_the_webhook_is_deleted()
    {
        await using var receiver = new WebhookReceiver();
        var reminders = await Subscribe(receiver.Url, WebhookEventTypes.SessionReminder);
        var inactivity = await Subscribe(receiver.Url, WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.SessionReminder);

        Assert.Equal(1, await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow()));
        Assert.Equal(0, await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow()));
        Assert.Equal(1, (await Store.GetAsync(reminders.Owner, reminders.Id))!.Pending);
        Assert.Equal(0, (await Store.GetAsync(inactivity.Owner, inactivity.Id))!.Pending);
        Assert.Null(await Store.GetAsync("someone-else", reminders.Id));

        Assert.False(await Store.DeleteAsync("someone-else", reminders.Id, clock.GetUtcNow()));
        Assert.True(await Store.DeleteAsync(reminders.Owner, reminders.Id, clock.GetUtcNow()));
        Assert.Equal(0, await Dispatcher(maxAttempts: 8).DeliverDueAsync(CancellationToken.None));
        Assert.Empty(receiver.Received);
        Assert.Null(await Store.GetAsync(null, reminders.Id));
    }

    [Fact]
    public async Task A_claimed_delivery_is_not_claimed_again_until_its_lease_ends()
    {
        await using var receiver = new WebhookReceiver();
        await Subscribe(receiver.Url, WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.Inactive);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());

        var first = await Store.ClaimAsync(clock.GetUtcNow(), TimeSpan.FromMinutes(1), 100);
        var mine = Assert.Single(first, d => d.EventId == ev.Id);
        Assert.DoesNotContain(await Store.ClaimAsync(clock.GetUtcNow(), TimeSpan.FromMinutes(1), 100), d => d.EventId == ev.Id);

        // The process that held it died: after the lease the delivery is attempted again (attempt 2).
        clock.Advance(TimeSpan.FromMinutes(2));
        var again = Assert.Single(await Store.ClaimAsync(clock.GetUtcNow(), TimeSpan.FromMinutes(1), 100), d => d.EventId == ev.Id);
        Assert.Equal(mine.Attempt + 1, again.Attempt);
    }

    [Fact]
    public async Task Deliveries_of_a_revoked_owner_are_dead_lettered_without_being_sent()
    {
        await using var receiver = new WebhookReceiver();
        var webhook = await Subscribe(receiver.Url, WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.Inactive);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());

        Assert.Equal(1, await Dispatcher(maxAttempts: 8, revoked: webhook.Owner).DeliverDueAsync(CancellationToken.None));

        Assert.Empty(receiver.Received);
        var view = (await Store.GetAsync(null, webhook.Id))!;
        Assert.Equal((0, 0, 1), (view.Pending, view.Delivered, view.DeadLettered));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/hooks/")]
    [InlineData("http://127.0.0.2:{0}/hooks/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/hooks/")]
    [InlineData("http://localhost:{0}/hooks/")]
    [InlineData("http://0.0.0.0:{0}/hooks/")]
    public async Task A_receiver_on_loopback_by_address_mapped_address_or_name_is_refused_when_connecting(string form)
    {
        // The attack of issue 16, finding 4: the registration check never resolves names and misses
        // mapped forms, so the silo itself must refuse to connect. The receiver listens on 127.0.0.1
        // and would answer 200 to anything that reached it.
        await using var receiver = new WebhookReceiver();
        var url = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, receiver.Url.Port));
        var webhook = await Subscribe(url, WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.Inactive);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());

        var dispatcher = Dispatcher(maxAttempts: 1, allowLoopback: false);
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));

        Assert.Empty(receiver.Received);
        var dead = Assert.Single((await Store.GetAsync(null, webhook.Id))!.DeadLetters);
        Assert.Equal(WebhookConnector.Refused, dead.LastError);
    }

    [Fact]
    public async Task Failure_texts_do_not_tell_an_open_port_from_a_closed_one()
    {
        // An internal port that answers and one that does not leave the same dead letter.
        await using var open = new WebhookReceiver { Always = 404 };
        var closedPort = FreePorts.Next();
        var toOpen = await Subscribe(open.Url, WebhookEventTypes.Inactive);
        var toClosed = await Subscribe(new Uri($"http://127.0.0.1:{closedPort}/hooks/"), WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.Inactive);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());

        await Dispatcher(maxAttempts: 1, allowLoopback: false).DeliverDueAsync(CancellationToken.None);

        var openError = Assert.Single((await Store.GetAsync(null, toOpen.Id))!.DeadLetters).LastError;
        var closedError = Assert.Single((await Store.GetAsync(null, toClosed.Id))!.DeadLetters).LastError;
        Assert.Equal(openError, closedError);
        Assert.Empty(open.Received);
    }

    [Fact]
    public async Task Each_attempt_carries_a_standard_webhooks_signature_over_id_timestamp_and_body()
    {
        // Issue 16, finding 9: a signature over the body alone can be replayed forever; the standard one
        // binds the attempt's time, so a receiver refuses a captured delivery outside its tolerance.
        await using var receiver = new WebhookReceiver(500);
        var webhook = await Subscribe(receiver.Url, WebhookEventTypes.Inactive);
        var ev = Event(WebhookEventTypes.Inactive);
        await Store.EnqueueAsync(ev, WebhookPayload.Serialize(ev), clock.GetUtcNow());
        var dispatcher = Dispatcher(maxAttempts: 3);

        await dispatcher.DeliverDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, receiver.Received.Count);
        var (first, second) = (receiver.Received[0], receiver.Received[1]);
        Assert.Equal(ev.Id.ToString("D"), first.Header(WebhookSignature.StandardIdHeader));
        Assert.Equal(first.Header(WebhookSignature.StandardIdHeader), second.Header(WebhookSignature.StandardIdHeader));
        Assert.Equal(clock.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), first.Header(WebhookSignature.StandardTimestampHeader));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), second.Header(WebhookSignature.StandardTimestampHeader));
        AssertStandardSignature(webhook.Secret, first);
        AssertStandardSignature(webhook.Secret, second);
        Assert.NotEqual(first.Header(WebhookSignature.StandardSignatureHeader), second.Header(WebhookSignature.StandardSignatureHeader));
    }

    /// <summary>Recomputes the signature as a Standard Webhooks receiver would, from the headers and raw body.</summary>
    private static void AssertStandardSignature(string secret, ReceivedRequest request)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.").Concat(request.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, signed));
        Assert.Equal(expected, request.Header("webhook-signature"));
    }

    private async Task<WebhookSubscription> Subscribe(Uri url, params string[] events)
    {
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(), "key:" + Guid.NewGuid().ToString("N")[..10], url.AbsoluteUri, events, WebhookSignature.NewSecret(), clock.GetUtcNow());
        await Store.AddAsync(subscription);
        return subscription;
    }

    private WebhookDispatcher Dispatcher(int maxAttempts, string? revoked = null, bool allowLoopback = true) => new(
        Store,
        new Owners(revoked),
        new HttpClient(WebhookConnector.CreateHandler(allowLoopback)),
        clock,
        Options.Create(new WebhookOptions { MaxAttempts = maxAttempts, BatchSize = 100 }),
        NullLogger<WebhookDispatcher>.Instance);

    private WebhookEvent Event(string type) =>
        new(Guid.NewGuid(), type, clock.GetUtcNow(), TestData.NewId("learner"), "course-1", "A message.", null);

    private sealed class Owners(string? revoked) : IWebhookOwners
    {
        public Task<bool> IsActiveAsync(string owner) => Task.FromResult(owner != revoked);
    }
}
