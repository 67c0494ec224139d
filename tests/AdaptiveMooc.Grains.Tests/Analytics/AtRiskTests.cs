using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Analytics;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Risk;
using Xunit.Abstractions;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>The at-risk list from the committed model files, on rows built by the shards' own folding rules.</summary>
public sealed class AtRiskTests(ITestOutputHelper output)
{
    private const string CourseId = "synthetic";
    private static readonly DateTimeOffset Day28 = SyntheticCourse.Day(28);

    [Fact]
    public void Learners_who_stopped_rank_above_steady_ones_with_reasons()
    {
        var random = new Random(7);
        var rows = new List<LearnerAnalyticsRow>();
        for (var i = 0; i < 80; i++)
        {
            var id = $"cohort-{i}";
            rows.Add(SyntheticCourse.Row(id, SyntheticCourse.Day(-10), SyntheticCourse.Facts(id, CourseId, random, 28, 0.3 + (0.6 * random.NextDouble()), 0.5 + (0.4 * random.NextDouble()))));
        }

        for (var i = 0; i < 10; i++)
        {
            rows.Add(SyntheticCourse.Row($"steady-{i}", SyntheticCourse.Day(-10), SyntheticCourse.Facts($"steady-{i}", CourseId, random, 28, 0.9, 0.85)));
            rows.Add(SyntheticCourse.Row($"quit-{i}", SyntheticCourse.Day(-10), SyntheticCourse.Facts($"quit-{i}", CourseId, random, 28, 0.8, 0.7, quitsOn: 8)));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var list = Rank(rows, Day28, limit: rows.Count);
        output.WriteLine($"{rows.Count} learners ranked in {clock.ElapsedMilliseconds} ms");
        foreach (var l in list)
        {
            output.WriteLine($"{l.LearnerId} risk {l.Risk} atRisk {l.AtRiskProbability}: {string.Join("; ", l.Reasons)}");
        }

        Assert.Equal(rows.Count, list.Count);
        Assert.All(list, l => Assert.Equal(28, l.CourseDay));
        Assert.Equal(list.OrderByDescending(l => l.Risk).Select(l => l.LearnerId), list.Select(l => l.LearnerId));
        var rank = list.Select((l, i) => (l.LearnerId, i)).ToDictionary(p => p.LearnerId, p => p.i);
        var quitters = list.Where(l => l.LearnerId.StartsWith("quit-", StringComparison.Ordinal)).ToList();
        var steady = list.Where(l => l.LearnerId.StartsWith("steady-", StringComparison.Ordinal)).ToList();

        // Every learner who stopped after a week ranks above every steady learner.
        Assert.True(quitters.Max(l => rank[l.LearnerId]) < steady.Min(l => rank[l.LearnerId]), string.Join(", ", list.Select(l => $"{l.LearnerId}={l.Risk}")));
        Assert.True(quitters.Average(l => l.Risk) > 2 * steady.Average(l => l.Risk), $"quit {quitters.Average(l => l.Risk)} vs steady {steady.Average(l => l.Risk)}");
        Assert.All(list, l => Assert.InRange(l.Risk, 0, 1));
        Assert.All(list, l => Assert.InRange(l.AtRiskProbability!.Value, 0, 1));
        Assert.All(quitters, l =>
        {
            Assert.NotEmpty(l.Reasons);
            Assert.Equal(l.Reasons.Count, l.ReasonCodes!.Count);
            Assert.All(l.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        });
        Assert.Contains(quitters.SelectMany(l => l.ReasonCodes!), c => c is "inactive-recently" or "missed-assessments" or "low-recent-activity" or "low-activity-vs-cohort");
    }

    [Fact]
    public void Features_use_only_statements_before_the_asOf_day_and_the_population_at_asOf()
    {
        var course = SyntheticCourse.Course(CourseId);
        var assessments = AtRiskFeatures.Assessments(course);
        var random = new Random(3);
        var before = SyntheticCourse.Facts("ada", CourseId, random, 28, 0.7, 0.8);
        var sameDayAndLater = new[]
        {
            SyntheticCourse.Fact("ada", CourseId, Day28.AddHours(-1).AddDays(1), "r1", LearningVerb.Experienced),
            SyntheticCourse.Fact("ada", CourseId, Day28.AddHours(1), "r2", LearningVerb.Experienced),
            SyntheticCourse.Fact("ada", CourseId, SyntheticCourse.Day(45, 10), "tma2", LearningVerb.Failed, 0.1),
        };
        var row = SyntheticCourse.Row("ada", SyntheticCourse.Day(-3), before);
        var grown = SyntheticCourse.Row("ada", SyntheticCourse.Day(-3), before.Concat(sameDayAndLater).OrderBy(_ => random.Next()));
        var asOf = Day28.AddHours(12);

        var expected = AtRiskFeatures.Raw(course, assessments, row, asOf)!;
        var actual = AtRiskFeatures.Raw(course, assessments, grown, asOf)!;

        Assert.Equal(28, actual.Day);
        Assert.Equal(expected.Raw, actual.Raw);
        Assert.Equal(-3, actual.Raw[RiskFeatures.EnrolledDay]);
        Assert.Equal(2, actual.Raw[RiskFeatures.Submitted]);
        Assert.NotEqual(expected.Raw, AtRiskFeatures.Raw(course, assessments, grown, SyntheticCourse.Day(48))!.Raw);

        grown.WithdrawnAt = asOf;
        Assert.NotNull(AtRiskFeatures.Raw(course, assessments, grown, asOf));
        grown.WithdrawnAt = asOf.AddTicks(-1);
        Assert.Null(AtRiskFeatures.Raw(course, assessments, grown, asOf));
        grown.WithdrawnAt = null;
        grown.EnrolledAt = asOf.AddTicks(1);
        Assert.Null(AtRiskFeatures.Raw(course, assessments, grown, asOf));
    }

    [Fact]
    public void The_replayed_row_gives_the_features_of_the_statements_fed_one_by_one()
    {
        var course = SyntheticCourse.Course(CourseId);
        var schedule = new ML.Pacing.CourseSchedule(CourseId, SyntheticCourse.Day(0), AtRiskFeatures.Assessments(course));
        var facts = SyntheticCourse.Facts("ada", CourseId, new Random(11), 40, 0.6, 0.55);
        var row = SyntheticCourse.Row("ada", SyntheticCourse.Day(-2), facts.OrderByDescending(f => f.Timestamp));
        row.WeeklyStudyHours = 12.5;

        var engagement = new EngagementState { EnrolledDay = -2, WeeklyStudyHours = 12.5 };
        var pacing = new ML.Pacing.LearnerPacingState();
        foreach (var fact in facts.Where(f => f.Timestamp < SyntheticCourse.Day(35)).OrderBy(f => f.Timestamp))
        {
            var e = new LearningEvent("ada", CourseId, fact.LessonId, null, Enum.Parse<LearningVerb>(fact.Verb!), fact.Timestamp, fact.Success, fact.ScoreScaled, null, []);
            engagement.Apply(e, schedule);
            pacing.Apply(e, schedule);
        }

        var expected = RiskFeatures.Raw(engagement, pacing, schedule, 35);
        var actual = AtRiskFeatures.Raw(course, AtRiskFeatures.Assessments(course), row, SyntheticCourse.Day(35))!.Raw;
        for (var i = 0; i < RiskFeatures.RawCount; i++)
        {
            Assert.True(
                float.IsNaN(expected[i]) ? float.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) < 1e-4,
                $"{RiskFeatures.Names[i]}: expected {expected[i]}, got {actual[i]}");
        }

        Assert.Equal(12.5f, actual[RiskFeatures.StudyHours]);
        Assert.Equal(EngagementState.MaxWeeklyStudyHours, Abstractions.Learners.EnrolmentRequest.MaxWeeklyStudyHours);
        row.WeeklyStudyHours = null;
        Assert.True(float.IsNaN(AtRiskFeatures.Raw(course, AtRiskFeatures.Assessments(course), row, SyntheticCourse.Day(35))!.Raw[RiskFeatures.StudyHours]));
    }

    [Fact]
    public void Without_a_start_date_days_count_from_the_enrolment_date()
    {
        var course = SyntheticCourse.Course(CourseId) with { StartDate = null };
        var enrolled = new DateTimeOffset(2026, 5, 4, 15, 30, 0, TimeSpan.Zero);
        var row = SyntheticCourse.Row("ada", enrolled, [SyntheticCourse.Fact("ada", CourseId, enrolled.AddHours(1), "r1", LearningVerb.Experienced)]);

        var input = AtRiskFeatures.Raw(course, AtRiskFeatures.Assessments(course), row, new DateTimeOffset(2026, 5, 14, 9, 0, 0, TimeSpan.Zero))!;

        Assert.Equal(10, input.Day);
        Assert.Equal(0, input.Raw[RiskFeatures.EnrolledDay]);
        Assert.Equal(10, input.Raw[RiskFeatures.DaysSinceLastActive]);
    }

    [Fact]
    public void Graded_attempts_beyond_the_cap_still_count_as_activity()
    {
        var facts = Enumerable.Range(0, 15)
            .Select(i => SyntheticCourse.Fact("ada", CourseId, SyntheticCourse.Day(i, 9), "r1", LearningVerb.Completed))
            .ToList();
        var row = SyntheticCourse.Row("ada", SyntheticCourse.Day(-1), facts);
        var again = SyntheticCourse.Row("ada", SyntheticCourse.Day(-1), facts.AsEnumerable().Reverse().Concat(facts));

        Assert.Equal(LearnerAnalyticsRow.MaxAttempts, row.Graded["r1"].Count);
        Assert.Equal(5, row.Activity.Values.Sum());
        Assert.Equal(row.Graded["r1"], again.Graded["r1"]);
    }

    [Theory]
    [InlineData("{\"result\":{\"extensions\":{\"http://127.0.0.1:5080/xapi/extensions/oulad-clicks\":17}}}", 17)]
    [InlineData("{\"result\":{\"extensions\":{\"http://127.0.0.1:5080/xapi/extensions/oulad-clicks\":-3}}}", 1)]
    [InlineData("{\"result\":{\"extensions\":{\"http://127.0.0.1:5080/xapi/extensions/oulad-clicks\":\"9\"}}}", 1)]
    [InlineData("{\"result\":{\"duration\":\"PT5M\"}}", 1)]
    public void A_replayed_statement_counts_the_clicks_it_stands_for(string json, int expected)
    {
        var statement = TestData.Statement("ada", CourseId, "r1", "experienced", Day28) with { Json = json };

        Assert.Equal(expected, InteractionCount.Of(statement));
    }

    private static IReadOnlyList<AtRiskLearner> Rank(IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf, int limit)
    {
        var course = SyntheticCourse.Course(CourseId);
        var assessments = AtRiskFeatures.Assessments(course);
        var inputs = rows.Select(r => AtRiskFeatures.Raw(course, assessments, r, asOf)).OfType<LearnerRiskInput>().ToList();
        return AtRiskRanking.Rank(inputs, CommittedModels.Withdrawn, CommittedModels.AtRisk, limit);
    }
}
