using System.Globalization;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// What the learner table (<c>analytics/learners.csv</c>) must show as of a day once the platform has
/// applied every posted statement: per learner, the last activity and the number of active days.
/// </summary>
internal sealed class AnalyticsExpectation
{
    private readonly Dictionary<string, (DateTimeOffset? Last, int Days)> expected;

    private AnalyticsExpectation(Dictionary<string, (DateTimeOffset? Last, int Days)> expected) => this.expected = expected;

    public static AnalyticsExpectation Of(ImportPlan plan, ImportCalendar calendar, int day)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        var perStudent = new Dictionary<int, (DateTimeOffset Last, HashSet<int> Days)>();
        foreach (var s in plan.Statements.AsSpan(0, plan.FirstStatementOnOrAfter(day)))
        {
            if (!perStudent.TryGetValue(s.StudentId, out var entry))
            {
                entry = (DateTimeOffset.MinValue, []);
            }

            var at = calendar.Of(s);
            entry.Days.Add(s.Day);
            perStudent[s.StudentId] = (at > entry.Last ? at : entry.Last, entry.Days);
        }

        var expected = new Dictionary<string, (DateTimeOffset?, int)>(StringComparer.Ordinal);
        foreach (var learner in plan.Learners)
        {
            expected[learner.LearnerId] = perStudent.TryGetValue(learner.Registration.StudentId, out var e) ? (e.Last, e.Days.Count) : (null, 0);
        }

        return new AnalyticsExpectation(expected);
    }

    /// <summary>Learners whose row in <paramref name="csv"/> differs from the expectation (or is missing while it should show activity).</summary>
    public int Mismatches(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return expected.Count;
        }

        var header = lines[0].Split(',');
        int Column(string name) =>
            Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"learners.csv has no '{name}' column");
        int idColumn = Column("learnerId"), lastColumn = Column("lastActivity"), daysColumn = Column("activeDays");
        var seen = new Dictionary<string, (DateTimeOffset?, int)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            DateTimeOffset? last = cells[lastColumn].Length == 0 ? null : DateTimeOffset.Parse(cells[lastColumn], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            seen[cells[idColumn]] = (last, int.Parse(cells[daysColumn], CultureInfo.InvariantCulture));
        }

        var mismatches = 0;
        foreach (var (learnerId, want) in expected)
        {
            var got = seen.TryGetValue(learnerId, out var row) ? row : (null, 0);
            if (got.Item1 != want.Last || got.Item2 != want.Days)
            {
                mismatches++;
            }
        }

        return mismatches;
    }
}
