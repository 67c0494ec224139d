using AdaptiveMooc.Grains.Abstractions.Forums;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>The webhook store of <c>--memory</c> runs and tests: the same rules as PostgreSQL, lost on exit.</summary>
internal sealed class MemoryWebhookStore : IWebhookStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, WebhookSubscription> subscriptions = [];
    private readonly List<Row> outbox = [];
    private long lastId;

    public Task<int> CountAsync(string owner)
    {
        lock (gate)
        {
            return Task.FromResult(subscriptions.Values.Count(s => s.Owner == owner));
        }
    }

    public Task AddAsync(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (gate)
        {
            subscriptions[subscription.Id] = subscription;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string owner, Guid webhookId, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!subscriptions.TryGetValue(webhookId, out var found) || found.Owner != owner)
            {
                return Task.FromResult(false);
            }

            subscriptions.Remove(webhookId);
            outbox.RemoveAll(r => r.WebhookId == webhookId);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<WebhookView>> ListAsync(string? owner, Guid? after, int limit)
    {
        lock (gate)
        {
            IReadOnlyList<WebhookView> page = subscriptions.Values
                .Where(s => owner is null || s.Owner == owner)
                .Where(s => after is not { } a || ForumCursor.CompareIds(s.Id, a) > 0)
                .Order(Comparer<WebhookSubscription>.Create((x, y) => ForumCursor.CompareIds(x.Id, y.Id)))
                .Take(limit)
                .Select(View)
                .ToList();
            return Task.FromResult(page);
        }
    }

    public Task<WebhookView?> GetAsync(string? owner, Guid webhookId)
    {
        lock (gate)
        {
            return Task.FromResult(
                subscriptions.TryGetValue(webhookId, out var found) && (owner is null || found.Owner == owner) ? View(found) : null);
        }
    }

    public Task<int> EnqueueAsync(WebhookEvent webhookEvent, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        lock (gate)
        {
            var queued = 0;
            foreach (var subscription in subscriptions.Values.Where(s => s.Events.Contains(webhookEvent.Type, StringComparer.Ordinal)))
            {
                if (outbox.Exists(r => r.WebhookId == subscription.Id && r.EventId == webhookEvent.Id))
                {
                    continue;
                }

                outbox.Add(new Row(++lastId, subscription.Id, webhookEvent.Id, webhookEvent.Type, payload, now));
                queued++;
            }

            return Task.FromResult(queued);
        }
    }

    public Task<bool> EnqueueForAsync(string owner, Guid webhookId, WebhookEvent webhookEvent, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        lock (gate)
        {
            if (!subscriptions.TryGetValue(webhookId, out var found) || found.Owner != owner)
            {
                return Task.FromResult(false);
            }

            if (!outbox.Exists(r => r.WebhookId == webhookId && r.EventId == webhookEvent.Id))
            {
                outbox.Add(new Row(++lastId, webhookId, webhookEvent.Id, webhookEvent.Type, payload, now));
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int max)
    {
        lock (gate)
        {
            IReadOnlyList<WebhookDelivery> claimed = outbox
                .Where(r => r.Status == DeliveryStatus.Pending && r.NextAttemptAt <= now && (r.LockedUntil is not { } l || l <= now))
                .OrderBy(r => r.NextAttemptAt)
                .ThenBy(r => r.Id)
                .Take(max)
                .Select(r =>
                {
                    r.Attempts++;
                    r.LockedUntil = now + lease;
                    var target = subscriptions[r.WebhookId];
                    return new WebhookDelivery(r.Id, r.WebhookId, target.Owner, target.Url, target.Secret, r.EventId, r.EventType, r.Payload, r.Attempts);
                })
                .ToList();
            return Task.FromResult(claimed);
        }
    }

    public Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at)
    {
        lock (gate)
        {
            if (outbox.Find(r => r.Id == deliveryId) is { } row)
            {
                row.Status = DeliveryStatus.Delivered;
                row.LockedUntil = null;
                row.LastAttemptAt = at;
                row.LastError = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(long deliveryId, string error, DateTimeOffset at, DateTimeOffset? retryAt)
    {
        lock (gate)
        {
            if (outbox.Find(r => r.Id == deliveryId) is { Status: DeliveryStatus.Pending } row)
            {
                row.Status = retryAt is null ? DeliveryStatus.Dead : DeliveryStatus.Pending;
                row.NextAttemptAt = retryAt ?? row.NextAttemptAt;
                row.LockedUntil = null;
                row.LastAttemptAt = at;
                row.LastError = error;
            }
        }

        return Task.CompletedTask;
    }

    // Called under the gate.
    private WebhookView View(WebhookSubscription s)
    {
        var rows = outbox.Where(r => r.WebhookId == s.Id).ToList();
        return new WebhookView(
            s.Id,
            s.Owner,
            s.Url,
            s.Events,
            s.CreatedAt,
            rows.Count(r => r.Status == DeliveryStatus.Pending),
            rows.Count(r => r.Status == DeliveryStatus.Delivered),
            rows.Count(r => r.Status == DeliveryStatus.Dead),
            [.. rows.Where(r => r.Status == DeliveryStatus.Dead)
                .OrderByDescending(r => r.LastAttemptAt).ThenByDescending(r => r.Id)
                .Take(WebhookLimits.DeadLettersShown)
                .Select(r => new WebhookDeadLetter(r.EventId, r.EventType, r.Attempts, r.LastError, r.LastAttemptAt))]);
    }

    public Task<long> PendingCountAsync()
    {
        lock (gate)
        {
            return Task.FromResult((long)outbox.Count(r => r.Status == DeliveryStatus.Pending));
        }
    }

    private sealed class Row(long id, Guid webhookId, Guid eventId, string eventType, string payload, DateTimeOffset now)
    {
        public long Id { get; } = id;

        public Guid WebhookId { get; } = webhookId;

        public Guid EventId { get; } = eventId;

        public string EventType { get; } = eventType;

        public string Payload { get; } = payload;

        public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; } = now;

        public DateTimeOffset? LockedUntil { get; set; }

        public DateTimeOffset? LastAttemptAt { get; set; }

        public string? LastError { get; set; }
    }
}
