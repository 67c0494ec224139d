using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Tests.Risk;

public sealed class EngagementStateTests
{
    private static readonly DateTimeOffset Start = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CourseSchedule Schedule = new(
        "c", Start,
        [new ScheduledAssessment("a1", "TMA", 10, 30), new ScheduledAssessment("a2", "CMA", 25, 70), new ScheduledAssessment("exam", "Exam", null, 100)],
        new Dictionary<string, double> { ["l1"] = 20, ["l2"] = 40 });

    [Fact]
    public void Online_states_equal_a_batch_recomputation_from_the_events()
    {
        var random = new Random(7);
        var events = new List<LearningEvent>();
        var day = -5;
        for (var i = 0; i < 300; i++)
        {
            day += random.Next(0, 3);
            events.Add(random.Next(10) switch
            {
                0 => Graded(random.Next(2) == 0 ? "a1" : "a2", day, random.NextDouble()),
                1 => Timed(random.Next(2) == 0 ? "l1" : "l2", day, random.Next(1, 300)),
                _ => Click("r" + random.Next(20), day, random.Next(1, 9)),
            });
        }

        var engagement = new EngagementState { EnrolledDay = -10 };
        var pacing = new LearnerPacingState();
        foreach (var e in events)
        {
            engagement.Apply(e, Schedule);
            pacing.Apply(e, Schedule);
        }

        var asOf = day + 3;
        int D(LearningEvent e) => Schedule.DayOf(e.Timestamp);
        var clicks = events.Where(e => e.Verb == LearningVerb.Experienced || e.Duration is not null).ToList();
        var graded = events.Where(e => e.Verb is LearningVerb.Passed or LearningVerb.Failed).ToList();
        var dated = graded.Select(e => D(e) - Schedule.Find(e.LessonId)!.DueDay!.Value).ToList();
        var timed = events.Where(e => e.Duration is not null)
            .Select(e => Math.Log(Math.Clamp(e.Duration!.Value.TotalMinutes / Schedule.DeclaredMinutes(e.LessonId)!.Value, 0.2, 5))).ToList();

        Assert.Equal(clicks.Sum(e => (long)e.Count), engagement.TotalClicks);
        Assert.Equal(clicks.Select(D).Distinct().Count(), engagement.ActiveDays);
        Assert.Equal(clicks.Select(e => (int)Math.Floor(D(e) / 7.0)).Distinct().Count(), engagement.ActiveWeeks);
        Assert.Equal(clicks.Sum(e => e.Count * Math.Pow(2, -(asOf - D(e)) / 7.0)), engagement.FastClicksAt(asOf), 6);
        Assert.Equal(clicks.Sum(e => e.Count * Math.Pow(2, -(asOf - D(e)) / 28.0)), engagement.SlowClicksAt(asOf), 6);
        Assert.Equal(clicks.Select(D).Distinct().Sum(d => Math.Pow(2, -(asOf - d) / 7.0)), engagement.FastActiveDaysAt(asOf), 9);
        Assert.Equal(clicks.Select(D).Distinct().Sum(d => Math.Pow(2, -(asOf - d) / 28.0)), engagement.SlowActiveDaysAt(asOf), 9);
        Assert.Equal(graded.Count, engagement.Submitted);
        Assert.Equal(graded.Average(e => e.ScoreScaled!.Value), engagement.ScoreSum / engagement.Scored, 9);
        Assert.Equal(graded.Min(e => e.ScoreScaled!.Value), engagement.MinScore, 9);
        Assert.Equal(graded.Count(e => e.Verb == LearningVerb.Failed), engagement.FailedCount);
        Assert.Equal(dated.Average(), pacing.MeanLateness, 9);
        Assert.Equal(dated.Count(l => l > 0), pacing.LateCount);
        Assert.Equal(timed.Count, pacing.TimedLessons);
        Assert.Equal(timed.Sum(), pacing.LogRatioSum, 9);
    }

    [Fact]
    public void Replay_snapshots_equal_states_fed_only_with_earlier_events()
    {
        var events = new[] { Click("r1", 0, 3), Click("r2", 4, 1), Graded("a1", 9, 0.7), Click("r1", 12, 5) };
        var snapshots = new List<float[]>();

        LearnerReplay.Run(events, Schedule, -2, [5, 12, 13], (k, e, p) => snapshots.Add(RiskFeatures.Raw(e, p, Schedule, k switch { 0 => 5, 1 => 12, _ => 13 })));

        for (var (k, day) = (0, 0); k < 3; k++)
        {
            day = k switch { 0 => 5, 1 => 12, _ => 13 };
            var engagement = new EngagementState { EnrolledDay = -2 };
            var pacing = new LearnerPacingState();
            foreach (var e in events.Where(e => Schedule.DayOf(e.Timestamp) < day))
            {
                engagement.Apply(e, Schedule);
                pacing.Apply(e, Schedule);
            }

            Assert.Equal(RiskFeatures.Raw(engagement, pacing, Schedule, day), snapshots[k]);
        }

        Assert.Equal(1, snapshots[1][RiskFeatures.Submitted]);
        Assert.Equal(3, snapshots[2][RiskFeatures.ActiveDays]);
    }

    [Fact]
    public void Calendar_features_count_from_the_course_schedule_and_ignore_the_exam()
    {
        var events = new[] { Click("r1", 0, 3), Click("r1", 0, 2), Click("r2", 7, 1), Graded("a1", 9, 0.7) };
        var engagement = new EngagementState { EnrolledDay = 0 };
        var pacing = new LearnerPacingState();
        foreach (var e in events)
        {
            engagement.Apply(e, Schedule);
            pacing.Apply(e, Schedule);
        }

        var at14 = RiskFeatures.Raw(engagement, pacing, Schedule, 14);
        var at30 = RiskFeatures.Raw(engagement, pacing, Schedule, 30);
        var at5 = RiskFeatures.Raw(new EngagementState(), new LearnerPacingState(), Schedule, 5);

        // a1 is due on day 10, a2 on day 25; the undated exam never counts.
        Assert.Equal(11, at14[RiskFeatures.DaysToNextDue]);
        Assert.Equal(4, at14[RiskFeatures.DaysSinceLastDue]);
        Assert.Equal(1, at14[RiskFeatures.SubmittedRatio]);
        Assert.True(float.IsNaN(at30[RiskFeatures.DaysToNextDue]));
        Assert.Equal(5, at30[RiskFeatures.DaysSinceLastDue]);
        Assert.Equal(0.5f, at30[RiskFeatures.SubmittedRatio]);
        Assert.Equal(5, at5[RiskFeatures.DaysToNextDue]);
        Assert.True(float.IsNaN(at5[RiskFeatures.DaysSinceLastDue]));
        Assert.True(float.IsNaN(at5[RiskFeatures.SubmittedRatio]));
        Assert.True(float.IsNaN(at5[RiskFeatures.ActiveDaysTrend]));

        // Two active days (0 and 7; two events on day 0 are one day), decayed to day 14.
        Assert.Equal((float)(Math.Pow(2, -2) + Math.Pow(2, -1)), at14[RiskFeatures.FastActiveDays], 5);
        Assert.Equal((float)(Math.Pow(2, -0.5) + Math.Pow(2, -0.25)), at14[RiskFeatures.SlowActiveDays], 5);
        Assert.Equal(at14[RiskFeatures.FastActiveDays] / at14[RiskFeatures.SlowActiveDays], at14[RiskFeatures.ActiveDaysTrend], 5);
    }

    [Fact]
    public void Cohort_percentile_is_the_mid_rank_with_ties_counting_half()
    {
        var raws = new[] { 1f, 2f, 2f, 4f }.Select(v =>
        {
            var raw = new float[RiskFeatures.RawCount];
            raw[RiskFeatures.LogClicks] = v;
            return raw;
        }).ToList();
        var cohort = CohortStats.From(raws);

        Assert.Equal(0.125f, RiskFeatures.Complete(raws[0], cohort)[RiskFeatures.ClicksPercentile]);
        Assert.Equal(0.5f, RiskFeatures.Complete(raws[1], cohort)[RiskFeatures.ClicksPercentile]);
        Assert.Equal(0.875f, RiskFeatures.Complete(raws[3], cohort)[RiskFeatures.ClicksPercentile]);
    }

    private static LearningEvent Click(string lesson, int day, int count) =>
        new("u", "c", lesson, null, LearningVerb.Experienced, Start.AddDays(day), null, null, null, [], count);

    private static LearningEvent Graded(string lesson, int day, double score) =>
        new("u", "c", lesson, null, score >= 0.4 ? LearningVerb.Passed : LearningVerb.Failed, Start.AddDays(day), score >= 0.4, score, null, []);

    private static LearningEvent Timed(string lesson, int day, int minutes) =>
        new("u", "c", lesson, null, LearningVerb.Experienced, Start.AddDays(day).AddHours(1), null, null, TimeSpan.FromMinutes(minutes), []);
}
