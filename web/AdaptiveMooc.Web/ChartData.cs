using System.Globalization;
using AdaptiveMooc.Web.Api;
using MudBlazor;

namespace AdaptiveMooc.Web;

/// <summary>Shapes API figures into chart series (percentages, ordered labels) and a text summary of the same figures.</summary>
public static class ChartData
{
    public sealed record Bars(string[] Labels, List<ChartSeries<double>> Series, string Summary);

    public static Bars Mastery(IReadOnlyDictionary<string, double> mastery)
    {
        ArgumentNullException.ThrowIfNull(mastery);
        var ordered = mastery.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return Single(
            "Mastery %",
            ordered.Select(p => p.Key).ToArray(),
            ordered.Select(p => Math.Round(Math.Clamp(p.Value, 0, 1) * 100, 1)).ToArray(),
            "Mastery per skill: ");
    }

    public static Bars SkillMeans(IReadOnlyList<SkillMastery> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        return Mastery(skills.ToDictionary(s => s.Skill, s => s.MeanMastery, StringComparer.Ordinal));
    }

    /// <summary>
    /// The lesson funnel, in course order (required lessons first): one bar pair per lesson while the course has at
    /// most <paramref name="maxBars"/> lessons. A longer course (the demo has hundreds) would give unreadable labels,
    /// so its lessons are grouped: by module when that makes 2 to <paramref name="maxBars"/> groups, otherwise in runs
    /// of consecutive lessons; each group shows the mean number of learners per lesson who started and completed.
    /// </summary>
    public static Bars Funnel(Course course, IReadOnlyList<LessonCount> lessons, int maxBars = 20)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(lessons);
        var counts = lessons.ToDictionary(l => l.LessonId, StringComparer.Ordinal);
        var ordered = course.Modules
            .SelectMany(m => (m.Lessons ?? []).Select(l => (Module: m, Lesson: l)))
            .OrderBy(x => x.Lesson.Required ? 0 : 1)
            .ToList();
        List<(string Label, List<Lesson> Lessons)> groups;
        var grouped = ordered.Count > maxBars;
        if (!grouped)
        {
            groups = [.. ordered.Select(x => (x.Lesson.Title, new List<Lesson> { x.Lesson }))];
        }
        else
        {
            var byModule = course.Modules.Where(m => m.Lessons is { Count: > 0 }).ToList();
            groups = byModule.Count >= 2 && byModule.Count <= maxBars
                ? [.. byModule.Select(m => (m.Title, m.Lessons!.ToList()))]
                : Runs(ordered.Select(x => x.Lesson).ToList(), maxBars);
        }

        double Mean(List<Lesson> group, Func<LessonCount, int> pick) =>
            Math.Round(group.Average(l => counts.TryGetValue(l.Id, out var c) ? pick(c) : 0), 1);

        var labels = groups.Select(g => Short(g.Label)).ToArray();
        var startedData = groups.Select(g => Mean(g.Lessons, c => c.Started)).ToArray();
        var completedData = groups.Select(g => Mean(g.Lessons, c => c.Completed)).ToArray();
        var what = grouped ? "Lesson funnel, mean learners per lesson of each group: " : "Lesson funnel: ";
        var summary = what + string.Join("; ", groups.Select((g, i) => string.Create(
            CultureInfo.InvariantCulture, $"{g.Label}{(grouped ? $" ({g.Lessons.Count} lessons)" : "")} started {startedData[i]:0.#}, completed {completedData[i]:0.#}")));
        var suffix = grouped ? " (mean per lesson)" : "";
        return new Bars(labels, [new() { Name = "Started" + suffix, Data = startedData }, new() { Name = "Completed" + suffix, Data = completedData }], summary);
    }

    /// <summary>Consecutive runs of lessons, at most <paramref name="maxBars"/> of them, labelled by position ("#1-17").</summary>
    private static List<(string Label, List<Lesson> Lessons)> Runs(List<Lesson> lessons, int maxBars)
    {
        var size = (int)Math.Ceiling(lessons.Count / (double)maxBars);
        return [.. lessons.Chunk(size).Select((chunk, i) => (
            string.Create(CultureInfo.InvariantCulture, $"#{(i * size) + 1}-{(i * size) + chunk.Length}"), chunk.ToList()))];
    }

    /// <summary>An axis label short enough to stay readable beside its neighbours; the full text is in the summary.</summary>
    public static string Short(string label, int max = 16)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Length <= max ? label : label[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Enrolled, active in the last 7 days and completed, one point per analytics snapshot, oldest first.</summary>
    public static Bars CohortTrend(IReadOnlyList<Analytics> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var shown = snapshots.OrderBy(a => a.AsOf).ToList();
        var labels = shown.Select(a => a.AsOf.UtcDateTime.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var enrolled = shown.Select(a => (double)a.Enrolled).ToArray();
        var active = shown.Select(a => (double)a.Active7d).ToArray();
        var completed = shown.Select(a => (double)a.Completed).ToArray();
        var summary = "Enrolled, active in the last 7 days and completed: " + string.Join("; ", shown.Select((a, i) => string.Create(
            CultureInfo.InvariantCulture, $"{labels[i]} {a.Enrolled}, {a.Active7d}, {a.Completed}")));
        return new Bars(
            labels,
            [new() { Name = "Enrolled", Data = enrolled }, new() { Name = "Active (7 days)", Data = active }, new() { Name = "Completed", Data = completed }],
            summary);
    }

    /// <summary>The week-end instants of the trend: <paramref name="points"/> of them, a week apart, the last one <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> TrendInstants(DateTimeOffset asOf, int points = 8) =>
        [.. Enumerable.Range(0, points).Select(i => asOf.AddDays(-7 * (points - 1 - i)))];

    public static Bars WeeklyActivity(IReadOnlyList<WeeklyActivity> weeks, int lastWeeks = 20)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var shown = weeks.OrderBy(w => w.WeekStart).TakeLast(lastWeeks).ToList();
        return Single(
            "Active learners",
            shown.Select(w => w.WeekStart.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray(),
            shown.Select(w => (double)w.ActiveLearners).ToArray(),
            "Active learners per week from ");
    }

    public static Bars Scores(IReadOnlyList<ScoreBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var shown = buckets.OrderBy(b => b.From).ToList();
        return Single(
            "Learners",
            shown.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.From * 100:0}-{b.To * 100:0}%")).ToArray(),
            shown.Select(b => (double)b.Count).ToArray(),
            "Score distribution: ");
    }

    private static Bars Single(string name, string[] labels, double[] values, string prefix) =>
        new(
            labels,
            [new() { Name = name, Data = values }],
            prefix + string.Join("; ", labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l} {values[i]:0.#}"))));
}
