using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Notifications;

/// <summary>
/// A learner's notification inbox, keyed by learner id. Keeps the latest <see cref="Capacity"/>
/// notifications (older ones fall off, so the state stays bounded); a notification id seen before is
/// not added twice.
/// </summary>
[Alias("mooc.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    public const int Capacity = 200;

    /// <summary>False when a notification with that id is already in the inbox.</summary>
    [Alias("Add")]
    Task<bool> Add(LearnerNotification notification);

    /// <summary>Newest first; <paramref name="before"/> is the sequence to continue below (exclusive), or null.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<LearnerNotification>> List(int limit, long? before);
}
