using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Api.Contracts;

public sealed record LearnerResponse(
    string Id,
    string Name,
    string Email,
    string Timezone,
    IReadOnlyList<WindowBody> WeeklyAvailability,
    DateTimeOffset RegisteredAt)
{
    public static LearnerResponse From(LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new LearnerResponse(
            profile.Id, profile.Name, profile.Email, profile.TimeZone,
            [.. profile.WeeklyAvailability.Select(WeeklyWindows.ToBody)], profile.RegisteredAt);
    }
}
