namespace AdaptiveMooc.Grains.Abstractions.Notifications;

/// <summary>One notification: <c>session-reminder</c>, <c>missed-session</c> or <c>inactive</c>.</summary>
/// <param name="Id">Stable event id (the same event never notifies twice).</param>
/// <param name="Kind">What happened.</param>
/// <param name="CourseId">The course concerned.</param>
/// <param name="Message">Text for the learner.</param>
/// <param name="At">When the notification was raised.</param>
/// <param name="SessionStart">The planned session concerned, if any.</param>
/// <param name="Sequence">Position in the inbox, set by the inbox (used as the page cursor).</param>
[GenerateSerializer]
[Alias("mooc.LearnerNotification")]
public sealed record LearnerNotification(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string CourseId,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] DateTimeOffset? SessionStart,
    [property: Id(6)] long Sequence = 0);
