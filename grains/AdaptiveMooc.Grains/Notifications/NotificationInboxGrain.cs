using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Accounts;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Webhooks;
using AdaptiveMooc.Grains.Webhooks;

namespace AdaptiveMooc.Grains.Notifications;

[GrainType("notification-inbox")]
internal sealed class NotificationInboxGrain(
    [PersistentState("inbox", StorageNames.Default)] IPersistentState<InboxState> state) : Grain, INotificationInboxGrain
{
    public async Task<bool> Add(LearnerNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        // Ids that fell off the bounded inbox are old events: their sources never raise them again
        // (ids are derived from session starts and dates that are past).
        if (state.State.Items.Exists(n => string.Equals(n.Id, notification.Id, StringComparison.Ordinal)))
        {
            return false;
        }

        // Queued before the inbox is written: if the write fails, the next reminder tick raises the same
        // notification again and the outbox drops the repeat by its event id; the other order could lose it.
        await GrainFactory.ByKey<IWebhookHubGrain>(0).PublishAsync(WebhookPayload.From(this.GetPrimaryKeyString(), notification));
        await GrainFactory.ByKey<IMailerGrain>(0).Enqueue(NotificationMail.For(this.GetPrimaryKeyString(), notification));
        state.State.LastSequence++;
        state.State.Items.Add(notification with { Sequence = state.State.LastSequence });
        if (state.State.Items.Count > INotificationInboxGrain.Capacity)
        {
            state.State.Items.RemoveRange(0, state.State.Items.Count - INotificationInboxGrain.Capacity);
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<LearnerNotification>> List(int limit, long? before)
    {
        IReadOnlyList<LearnerNotification> page = state.State.Items
            .Where(n => before is not { } b || n.Sequence < b)
            .OrderByDescending(n => n.Sequence)
            .Take(Math.Clamp(limit, 1, INotificationInboxGrain.Capacity))
            .ToList();
        return Task.FromResult(page);
    }
}
