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
        from windows in PlanCases.Window().ListOf().Select(w => w.Take(8).ToList())
        from now in Gen.Frequency(
            (1, from day in Gen.Choose(0, 730) from minute in Gen.Choose(0, 24 * 60 - 1) from second in Gen.Choose(0, 59)
                select Origin.AddDays(day).AddMinutes(minute).AddSeconds(second)),
            (1, from near in Gen.Elements(NearChanges) from minutes in Gen.Choose(0, 3 * 24 * 60) select near.AddMinutes(minutes)))
        from count in Gen.Choose(2, 5)
        from courses in Course(now).ArrayOf(count)
        from events in PlanCases.Event(now).ListOf().Select(e => e.Take(4).ToList())
        from weeks in Gen.Choose(1, 8)
        select new LearnerPlanRequest(
            zone,
            windows,
            now,
            [.. courses.Select((c, i) => c with { CourseId = $"c{i}", Remaining = [.. c.Remaining.Select(l => l with { Id = $"c{i}-{l.Id}", Prerequisites = [.. l.Prerequisites.Select(p => $"c{i}-{p}")] })] })],
            events,
            weeks);

    private static Gen<CourseDemand> Course(DateTimeOffset now) =>
        from lessons in PlanCases.Lessons(now, Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 15))), 180)
        from target in PlanCases.Maybe(Gen.Choose(-5, 200))
        from risk in PlanCases.Maybe(Gen.Choose(0, 100))
        from reviews in Gen.Choose(0, 3)
        from webinars in Gen.Choose(0, 2)
        from decayed in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        select new CourseDemand(
            "c",
            lessons,
            target is { } t ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(t) : null,
            risk / 100.0,
            reviews,
            webinars,
            [.. Enumerable.Range(0, decayed).Select(k => $"skill-{k}")]);
}
