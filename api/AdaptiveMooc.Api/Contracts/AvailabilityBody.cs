namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>timezone</c> is optional: without it the learner keeps theirs.</summary>
public sealed record AvailabilityBody(string? Timezone, IReadOnlyList<WindowBody>? WeeklyAvailability);
