using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Merges the per-learner rows of a course into the figures of docs/API.md as of an instant. Linear in
/// the number of learners times the course's lessons; it never reads a statement.
/// </summary>
internal static class AnalyticsCalculator
{
    private static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(7);
    private const int Buckets = 10;
    private const int MaxWeeks = 52;

    public static bool IsEnrolled(LearnerAnalyticsRow row, DateTimeOffset asOf) =>
        row.EnrolledAt is { } enrolled && enrolled <= asOf && !(row.WithdrawnAt is { } withdrawn && withdrawn <= asOf);

    /// <summary>True when some statement of the row is timestamped in (from, to]; exact as long as the window spans at least a day.</summary>
    public static bool ActiveIn(LearnerAnalyticsRow row, DateTimeOffset from, DateTimeOffset to)
    {
        var firstDay = DateOnly.FromDateTime(from.UtcDateTime).DayNumber;
        var lastDay = DateOnly.FromDateTime(to.UtcDateTime).DayNumber;
        foreach (var (day, activity) in row.Days)
        {
            if (day < firstDay || day > lastDay)
            {
                continue;
            }

            // The day's statements lie between First and Last; with a window of a day or more, one of
            // them is inside exactly when First or Last is.
            if ((activity.First > from && activity.First <= to) || (activity.Last > from && activity.Last <= to))
            {
                return true;
            }
        }

        return false;
    }

    public static bool CompletedCourse(LearnerAnalyticsRow row, IReadOnlyList<string> counted, DateTimeOffset asOf) =>
        counted.Count > 0 && counted.All(l => row.Completed.TryGetValue(l, out var at) && at <= asOf);

    public static IReadOnlyList<string> CountedLessons(CourseDefinition course)
    {
        var lessons = course.AllLessons().ToList();
        var required = lessons.Where(l => l.Required).Select(l => l.Id).ToList();
        return required.Count > 0 ? required : [.. lessons.Select(l => l.Id)];
    }

    public static CourseAnalytics Compute(CourseDefinition course, IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf, IReadOnlyList<AtRiskLearner> atRisk, string atRiskStatus)
    {
        var counted = CountedLessons(course);
        var enrolledRows = rows.Where(r => IsEnrolled(r, asOf)).ToList();
        var completed = enrolledRows.Count(r => CompletedCourse(r, counted, asOf));
        var withdrawn = rows.Count(r => r.EnrolledAt <= asOf && r.WithdrawnAt <= asOf);
        var active = rows.Count(r => ActiveIn(r, asOf - ActiveWindow, asOf));
        var lessons = course.AllLessons()
            .Select(l => new LessonFunnel(
                l.Id,
                rows.Count(r => r.Started.TryGetValue(l.Id, out var at) && at <= asOf),
                rows.Count(r => r.Completed.TryGetValue(l.Id, out var at) && at <= asOf)))
            .ToList();
        return new CourseAnalytics(
            course.Id, asOf, enrolledRows.Count, active, completed,
            enrolledRows.Count == 0 ? 0 : Math.Round((double)completed / enrolledRows.Count, 4),
            withdrawn, lessons, Skills(rows, asOf), atRisk, Weekly(rows, asOf), Scores(rows, asOf), atRiskStatus);
    }

    public static LearnerAnalytics Learner(LearnerAnalyticsRow row, IReadOnlyList<string> counted, DateTimeOffset asOf)
    {
        var days = row.Days.Where(d => d.Value.First <= asOf).ToList();
        DateTimeOffset? last = days.Count == 0 ? null : days[^1].Value.Last <= asOf ? days[^1].Value.Last : days[^1].Value.First;
        var scores = LatestScores(row, asOf).ToList();
        return new LearnerAnalytics(
            row.LearnerId,
            row.EnrolledAt <= asOf ? row.EnrolledAt : null,
            row.WithdrawnAt <= asOf ? row.WithdrawnAt : null,
            row.Started.Values.Count(at => at <= asOf),
            row.Completed.Values.Count(at => at <= asOf),
            CompletedCourse(row, counted, asOf),
            last,
            days.Count,
            scores.Count == 0 ? null : Math.Round(scores.Average(), 4));
    }

    /// <summary>
    /// Mean knowledge-tracing mastery per skill as of <paramref name="asOf"/>: each learner's latest mastery
    /// point timestamped before it, over the learners who have one (a learner without an answer on the
    /// skill by then, or whose retained points all lie after it, does not count).
    /// </summary>
    private static List<SkillMastery> Skills(IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf)
    {
        var perSkill = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (skill, points) in row.Mastery)
            {
                if (AnalyticsRowRules.MasteryBefore(points, asOf) is not { } point)
                {
                    continue;
                }

                if (!perSkill.TryGetValue(skill, out var values))
                {
                    perSkill[skill] = values = [];
                }

                values.Add(point.Mastery);
            }
        }

        // Summed as decimals: the points are already rounded to 4 places, so the sum is exact and the mean (often
        // a tie at the 5th place) rounds the same whatever order shards and rows are visited in.
        return [.. perSkill.Select(kv => new SkillMastery(kv.Key, (double)Math.Round(kv.Value.Sum(v => (decimal)v) / kv.Value.Count, 4), kv.Value.Count))];
    }

    private static List<WeeklyActivity> Weekly(IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf)
    {
        var weeks = new SortedDictionary<int, int>();
        foreach (var row in rows)
        {
            foreach (var week in row.Days.Where(d => d.Value.First <= asOf).Select(d => WeekOf(d.Key)).Distinct())
            {
                weeks[week] = weeks.GetValueOrDefault(week) + 1;
            }
        }

        return [.. weeks.TakeLast(MaxWeeks).Select(kv => new WeeklyActivity(DateOnly.FromDayNumber(kv.Key), kv.Value))];
    }

    /// <summary>Day number of the Monday of the week holding <paramref name="dayNumber"/> (day 0, 0001-01-01, was a Monday).</summary>
    private static int WeekOf(int dayNumber) => dayNumber - (dayNumber % 7);

    private static List<ScoreBucket> Scores(IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf)
    {
        var counts = new int[Buckets];
        foreach (var score in rows.SelectMany(r => LatestScores(r, asOf)))
        {
            counts[Math.Clamp((int)Math.Floor(score * Buckets), 0, Buckets - 1)]++;
        }

        return [.. counts.Select((c, i) => new ScoreBucket((double)i / Buckets, (double)(i + 1) / Buckets, c))];
    }

    private static IEnumerable<double> LatestScores(LearnerAnalyticsRow row, DateTimeOffset asOf) =>
        row.Scores.Values
            .Select(attempts => attempts.LastOrDefault(a => a.Timestamp <= asOf))
            .Where(a => a is not null)
            .Select(a => a!.Score);
}
