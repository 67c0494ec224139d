namespace AdaptiveMooc.Api.Contracts;

public sealed record RegisterLearnerBody(
    string? Id,
    string? Name,
    string? Email,
    string? Password,
    string? Timezone,
    IReadOnlyList<WindowBody>? WeeklyAvailability);
