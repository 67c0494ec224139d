using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

/// <summary>A notification that lands in an inbox is queued for the webhooks subscribed to its kind, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookPublishTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_new_notification_is_queued_once_for_each_subscribed_webhook()
    {
        var owner = "key:" + TestData.NewId("k");
        var registry = fixture.Client.GetGrain<IWebhookRegistryGrain>(owner);
        // An address that never answers: the deliveries stay pending (retried), which is what is counted.
        var reminders = (await registry.CreateAsync(new Uri("https://receiver.invalid/hooks"), [WebhookEventTypes.SessionReminder]))!;
        var inactivity = (await registry.CreateAsync(new Uri("https://receiver.invalid/other"), [WebhookEventTypes.Inactive]))!;
        Assert.StartsWith("whsec_", reminders.Secret, StringComparison.Ordinal);
        var hub = fixture.Client.GetGrain<IWebhookHubGrain>(0);
        var notification = new LearnerNotification(
            "session-reminder:c1:" + Guid.NewGuid().ToString("N"), WebhookEventTypes.SessionReminder, "c1", "Soon.", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(20));

        var inbox = fixture.Client.GetGrain<INotificationInboxGrain>(TestData.NewId("learner"));
        Assert.True(await inbox.Add(notification));
        Assert.False(await inbox.Add(notification));
        var first = (await hub.GetAsync(owner, reminders.Webhook.Id))!;
        Assert.Equal(1, first.Pending + first.Delivered + first.DeadLettered);
        Assert.Equal(0, (await hub.GetAsync(owner, inactivity.Webhook.Id))!.Pending);

        // Another learner's notification with the same id is another event.
        Assert.True(await fixture.Client.GetGrain<INotificationInboxGrain>(TestData.NewId("learner")).Add(notification));
        var second = (await hub.GetAsync(owner, reminders.Webhook.Id))!;
        Assert.Equal(2, second.Pending + second.Delivered + second.DeadLettered);

        Assert.Equal(2, (await hub.ListAsync(owner, null, 50)).Count);
        Assert.True(await registry.DeleteAsync(reminders.Webhook.Id));
        Assert.False(await registry.DeleteAsync(reminders.Webhook.Id));
        Assert.Single(await hub.ListAsync(owner, null, 50));
    }

    [Fact]
    public async Task An_owner_holds_a_bounded_number_of_webhooks()
    {
        var registry = fixture.Client.GetGrain<IWebhookRegistryGrain>("key:" + TestData.NewId("k"));
        for (var i = 0; i < WebhookLimits.MaxPerOwner; i++)
        {
            Assert.NotNull(await registry.CreateAsync(new Uri($"https://receiver.invalid/{i}"), [WebhookEventTypes.Inactive]));
        }

        Assert.Null(await registry.CreateAsync(new Uri("https://receiver.invalid/one-more"), [WebhookEventTypes.Inactive]));
    }
}
