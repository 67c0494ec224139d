using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Webinars;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// The webinars a learner registered for, as fixed events of their plans. Every course's webinars count,
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

    public static async Task<IReadOnlyList<FixedEvent>> ForLearner(IGrainFactory grains, string learnerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var page = await grains.ByKey<IWebinarDirectoryGrain>(0).ListForLearnerAsync(learnerId, now, null, MaxEvents);
        return [.. page.Items.Select(w => new FixedEvent(w.Start, w.Start.AddMinutes(w.Minutes), w.Title))];
    }

    /// <summary>Part of the plan's inputs key: a registration (or a webinar moved) changes the plan.</summary>
    public static string Key(IReadOnlyList<FixedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return string.Join(',', events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Start.UtcTicks}-{e.End.UtcTicks}")));
    }
}
