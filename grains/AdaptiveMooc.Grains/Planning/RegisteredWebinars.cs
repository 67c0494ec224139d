using System.Globalization;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// The webinars a learner registered for, as fixed events of their plan (read by <see cref="LearnerPlanGrain"/>). Every course's webinars count,
/// not only the planned course's: a learner cannot study one course while attending another's lecture.
/// </summary>
internal static class RegisteredWebinars
{
    /// <summary>
    /// How many upcoming webinars a plan leaves room for. Registrations are a few per week in practice; past
    /// this many the furthest are left out of the projection, never the ones inside the returned weeks
    /// (the listing is in start order).
    /// </summary>
    public const int MaxEvents = 200;

    /// <summary>Part of the plan's inputs key: a registration (or a webinar moved) changes the plan.</summary>
    public static string Key(IReadOnlyList<FixedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return string.Join(',', events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Start.UtcTicks}-{e.End.UtcTicks}")));
    }
}
