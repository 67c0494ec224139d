using AdaptiveMooc.Grains.Abstractions.Notifications;

namespace AdaptiveMooc.Grains.Notifications;

[GenerateSerializer]
[Alias("mooc.InboxState")]
internal sealed class InboxState
{
    /// <summary>Oldest first, at most <see cref="INotificationInboxGrain.Capacity"/>.</summary>
    [Id(0)]
    public List<LearnerNotification> Items { get; set; } = [];

    [Id(1)]
    public long LastSequence { get; set; }
}
