namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>One event as webhooks receive it (the JSON body of a delivery).</summary>
/// <param name="Id">Event id: the same event always has the same id, so receivers can drop a repeat.</param>
/// <param name="Type">One of <see cref="WebhookEventTypes"/>.</param>
/// <param name="OccurredAt">When the platform raised it.</param>
/// <param name="LearnerId">The learner concerned.</param>
/// <param name="CourseId">The course concerned.</param>
/// <param name="Message">The text the learner's inbox shows.</param>
/// <param name="SessionStart">The planned session concerned, if any.</param>
[GenerateSerializer]
[Alias("mooc.webhook.event")]
public sealed record WebhookEvent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string LearnerId,
    [property: Id(4)] string CourseId,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset? SessionStart);
