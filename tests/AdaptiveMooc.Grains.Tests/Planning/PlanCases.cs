using AdaptiveMooc.Grains.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>Random but valid planner inputs: zones with and without daylight saving and far from UTC,
/// instants all over the year, prerequisite graphs, learners who skipped ahead, webinars and dates.</summary>
internal static class PlanCases
{
    public static readonly string[] Zones =
    [
        "Europe/Paris", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe",
        "Asia/Kathmandu", "UTC", "America/Santiago", "Pacific/Chatham",
    ];

    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Arbitrary<PlanRequest> Requests() => Arb.From(Request());

    public static Gen<PlanRequest> Request() =>
        from zone in Gen.Elements(Zones)
        from windows in Window().ListOf().Select(w => w.Take(8).ToList())
        from day in Gen.Choose(0, 730)
        from minute in Gen.Choose(0, 24 * 60 - 1)
        from second in Gen.Choose(0, 59)
        from lessons in Lessons(Origin.AddDays(day).AddMinutes(minute).AddSeconds(second), Gen.Choose(0, 25), 240)
        from completedMask in Gen.Choose(0, 3).ArrayOf(lessons.Count)
        from events in Event(Origin.AddDays(day).AddMinutes(minute)).ListOf().Select(e => e.Take(4).ToList())
        from targetDays in Maybe(Gen.Choose(-5, 200))
        from weeks in Gen.Choose(1, 8)
        let now = Origin.AddDays(day).AddMinutes(minute).AddSeconds(second)
        let completed = lessons.Where((_, i) => completedMask[i] == 0).Select(l => l.Id).ToHashSet(StringComparer.Ordinal)
        select new PlanRequest(
            zone,
            windows,
            now,
            lessons.Where(l => !completed.Contains(l.Id)).ToList(),
            completed,
            events,
            targetDays is { } t ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(t) : null,
            weeks);

    internal static Gen<WeeklyWindow> Window() =>
        from day in Gen.Choose(0, 6)
        from startQuarter in Gen.Choose(0, 95)
        from lengthQuarters in Gen.Choose(1, 16)
        let start = new TimeOnly(0, 0).Add(TimeSpan.FromMinutes(15 * startQuarter))
        let endMinutes = Math.Min(15 * (startQuarter + lengthQuarters), 24 * 60 - 1)
        select new WeeklyWindow((DayOfWeek)day, start, new TimeOnly(0, 0).Add(TimeSpan.FromMinutes(endMinutes)));

    /// <summary>Lessons with random minutes (1 to <paramref name="maxMinutes"/>), due dates and prerequisites on earlier lessons.</summary>
    internal static Gen<List<PlanLesson>> Lessons(DateTimeOffset now, Gen<int> lessonCount, int maxMinutes) =>
        from count in lessonCount
        from specs in Gen.Zip(Gen.Choose(1, maxMinutes), Maybe(Gen.Choose(-10, 150))).ArrayOf(count)
        from prerequisitePicks in Gen.Choose(0, 1000).ArrayOf(2).ArrayOf(count)
        select Enumerable.Range(0, count).Select(i => new PlanLesson(
            $"l{i}",
            specs[i].Item1,
            i == 0 ? [] : prerequisitePicks[i].Select(p => $"l{p % i}").Distinct().Take(1 + (prerequisitePicks[i][0] % 2)).ToList(),
            specs[i].Item2 is { } dueDays ? now.AddDays(dueDays) : null,
            i)).ToList();

    internal static Gen<int?> Maybe(Gen<int> value) =>
        Gen.Frequency((1, Gen.Constant<int?>(null)), (2, value.Select(v => (int?)v)));

    internal static Gen<FixedEvent> Event(DateTimeOffset now) =>
        from startMinutes in Gen.Choose(-120, 14 * 24 * 60)
        from length in Gen.Choose(30, 120)
        select new FixedEvent(now.AddMinutes(startMinutes), now.AddMinutes(startMinutes + length), "webinar");
}
