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

    /// <summary>The lesson funnel: lessons in course order, started and completed counts.</summary>
    public static Bars Funnel(Course course, IReadOnlyList<LessonCount> lessons, int maxLessons = 20)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(lessons);
        var counts = lessons.ToDictionary(l => l.LessonId, StringComparer.Ordinal);
        var shown = course.AllLessons.Where(l => l.Required).Concat(course.AllLessons.Where(l => !l.Required)).Take(maxLessons).ToList();
        var labels = shown.Select(l => l.Title).ToArray();
        var startedData = shown.Select(l => counts.TryGetValue(l.Id, out var c) ? (double)c.Started : 0).ToArray();
        var completedData = shown.Select(l => counts.TryGetValue(l.Id, out var c) ? (double)c.Completed : 0).ToArray();
        var summary = "Lesson funnel: " + string.Join("; ", shown.Select((l, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{l.Title} started {startedData[i]}, completed {completedData[i]}")));
        return new Bars(labels, [new() { Name = "Started", Data = startedData }, new() { Name = "Completed", Data = completedData }], summary);
    }

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
