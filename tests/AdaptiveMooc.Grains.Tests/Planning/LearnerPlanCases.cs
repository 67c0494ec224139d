using AdaptiveMooc.Grains.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>
/// Random learner plans: 2-5 courses with prerequisite graphs, due dates, target dates and stakes, random
/// windows in zones with daylight saving (half-hour shifts included) or none, and instants that often sit
/// just before a clock change so the weeks planned cross it.
/// </summary>
internal static class LearnerPlanCases
{
    public static readonly string[] Zones =
    [
        "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham", "Asia/Kathmandu", "UTC",
    ];

    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A few days before 2026's clock changes in those zones (Europe, North America, Lord Howe, Santiago, Chatham).</summary>
    private static readonly DateTimeOffset[] NearChanges =
    [
        new(2026, 3, 26, 6, 0, 0, TimeSpan.Zero), new(2026, 10, 22, 17, 30, 0, TimeSpan.Zero),
        new(2026, 3, 5, 12, 0, 0, TimeSpan.Zero), new(2026, 10, 29, 20, 0, 0, TimeSpan.Zero),
        new(2026, 4, 2, 9, 15, 0, TimeSpan.Zero), new(2026, 10, 1, 3, 0, 0, TimeSpan.Zero),
        new(2026, 9, 24, 22, 0, 0, TimeSpan.Zero), new(2026, 9, 3, 1, 0, 0, TimeSpan.Zero),
    ];

    public static Arbitrary<LearnerPlanRequest> Requests() => Arb.From(Request());

    public static Gen<LearnerPlanRequest> Request() =>
        from zone in Gen.Elements(Zones)
        from windows in Window().ListOf().Select(w => w.Take(8).ToList())
        from now in Gen.Frequency(
            (1, from day in Gen.Choose(0, 730) from minute in Gen.Choose(0, 24 * 60 - 1) from second in Gen.Choose(0, 59)
                select Origin.AddDays(day).AddMinutes(minute).AddSeconds(second)),
            (1, from near in Gen.Elements(NearChanges) from minutes in Gen.Choose(0, 3 * 24 * 60) select near.AddMinutes(minutes)))
        from count in Gen.Choose(2, 5)
        from courses in Course(now).ArrayOf(count)
        from events in Event(now).ListOf().Select(e => e.Take(4).ToList())
        from weeks in Gen.Choose(1, 8)
        select new LearnerPlanRequest(
            zone,
            windows,
            now,
            [.. courses.Select((c, i) => c with { CourseId = $"c{i}", Remaining = [.. c.Remaining.Select(l => l with { Id = $"c{i}-{l.Id}", Prerequisites = [.. l.Prerequisites.Select(p => $"c{i}-{p}")] })] })],
            events,
            weeks);

    private static Gen<CourseDemand> Course(DateTimeOffset now) =>
        from lessons in Lessons(now)
        from target in Maybe(Gen.Choose(-5, 200))
        from risk in Maybe(Gen.Choose(0, 100))
        from reviews in Gen.Choose(0, 3)
        from webinars in Gen.Choose(0, 2)
        select new CourseDemand(
            "c",
            lessons,
            target is { } t ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(t) : null,
            risk / 100.0,
            reviews,
            webinars);

    private static Gen<WeeklyWindow> Window() =>
        from day in Gen.Choose(0, 6)
        from startQuarter in Gen.Choose(0, 95)
        from lengthQuarters in Gen.Choose(1, 16)
        let start = new TimeOnly(0, 0).Add(TimeSpan.FromMinutes(15 * startQuarter))
        let endMinutes = Math.Min(15 * (startQuarter + lengthQuarters), 24 * 60 - 1)
        select new WeeklyWindow((DayOfWeek)day, start, new TimeOnly(0, 0).Add(TimeSpan.FromMinutes(endMinutes)));

    private static Gen<List<PlanLesson>> Lessons(DateTimeOffset now) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 15)))
        from specs in Gen.Zip(Gen.Choose(1, 180), Maybe(Gen.Choose(-10, 150))).ArrayOf(count)
        from prerequisitePicks in Gen.Choose(0, 1000).ArrayOf(2).ArrayOf(count)
        select Enumerable.Range(0, count).Select(i => new PlanLesson(
            $"l{i}",
            specs[i].Item1,
            i == 0 ? [] : prerequisitePicks[i].Select(p => $"l{p % i}").Distinct().Take(1 + (prerequisitePicks[i][0] % 2)).ToList(),
            specs[i].Item2 is { } dueDays ? now.AddDays(dueDays) : null,
            i)).ToList();

    private static Gen<int?> Maybe(Gen<int> value) =>
        Gen.Frequency((1, Gen.Constant<int?>(null)), (2, value.Select(v => (int?)v)));

    private static Gen<FixedEvent> Event(DateTimeOffset now) =>
        from startMinutes in Gen.Choose(-120, 14 * 24 * 60)
        from length in Gen.Choose(30, 120)
        select new FixedEvent(now.AddMinutes(startMinutes), now.AddMinutes(startMinutes + length), "webinar");
}
