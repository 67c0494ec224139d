using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Tests.Ranking;

/// <summary>
/// Features computed online, event by event, through the protocol equal the same quantities computed
/// in batch from the whole event list.
/// </summary>
public sealed class RankingFeaturesTests
{
    private static int Feature(string name) => RankingFeatures.Names.ToList().IndexOf(name);

    [Fact]
    public void Names_match_the_declared_count() =>
        Assert.Equal(RankingFeatures.Count, RankingFeatures.Names.Count);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Online_features_equal_batch_features(int seed)
    {
        // Fewer lessons than the state's capacity, so nothing is evicted and batch sees the same history.
        var course = SyntheticCourse.Random(seed, learners: 12, lessons: 20, maxDay: 60);
        var split = NextLessonProtocol.Build(course, extraDaysPerLearner: 0, seed: 0);
        var rows = course.Events
            .Select(e => (Learner: e.LearnerId, Lesson: e.LessonId!, Day: CourseDay.Of(e.Timestamp, course.Start), e.Count))
            .ToList();
        var holdout = rows.GroupBy(r => r.Learner)
            .Where(g => g.Select(r => r.Day).Distinct().Count() >= 2)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Day));
        var kept = rows.Where(r => !holdout.TryGetValue(r.Learner, out var h) || r.Day != h).ToList();
        Assert.NotEmpty(split.Cases);
        Assert.Equal(holdout.Count, split.Cases.Count);

        foreach (var nextCase in split.Cases)
        {
            var query = split.ToQuery(nextCase);
            var d = nextCase.Day;
            var history = kept.Where(r => r.Learner == nextCase.LearnerId).ToList();
            var activeDays = history.Select(r => r.Day).Distinct().OrderBy(x => x).ToList();
            var lastDay = activeDays[^1];
            var previousDay = activeDays.Count >= 2 ? activeDays[^2] : int.MinValue;
            Assert.Equal(rows.Where(r => r.Learner == nextCase.LearnerId && r.Day == d).Select(r => r.Lesson).ToHashSet(), nextCase.Target);

            for (var c = 0; c < course.Candidates.Count; c++)
            {
                var lesson = course.Candidates[c].LessonId;
                var f = query.Features.AsSpan(c * RankingFeatures.Count, RankingFeatures.Count).ToArray();
                var mine = history.Where(r => r.Lesson == lesson).ToList();
                var used = mine.Count > 0;
                Assert.Equal(mine.Select(r => r.Day).Distinct().Count(), f[Feature("userDays")]);
                Assert.Equal(MathF.Log(1 + mine.Sum(r => r.Count)), f[Feature("userClicksLog")], 5);
                Assert.Equal(used ? d - mine.Max(r => r.Day) : float.NaN, f[Feature("userRecencyDays")]);
                Assert.Equal(MathF.Log(1 + mine.Where(r => r.Day == lastDay).Sum(r => r.Count)), f[Feature("userLastDayClicksLog")], 5);
                Assert.Equal(mine.Any(r => r.Day == previousDay) ? 1 : 0, f[Feature("userPreviousDayUsed")]);
                Assert.Equal((float)mine.Select(r => r.Day).Distinct().Count() / activeDays.Count, f[Feature("userDayShare")], 5);
                Assert.Equal(d - lastDay, f[Feature("gapDays")]);
                var decayed = mine.Select(r => r.Day).Distinct().Sum(x => Math.Exp(-(d - x) / LearnerRankingState.DecayDays));
                Assert.Equal((float)decayed, f[Feature("userDecayedDays")], 4);
                Assert.Equal((float)mine.Sum(r => r.Count) / history.Sum(r => r.Count), f[Feature("userClickShare")], 5);
                var lessonDays = history.Select(r => (r.Day, r.Lesson)).Distinct().Count();
                Assert.Equal((float)lessonDays / activeDays.Count, f[Feature("lessonsPerDay")], 5);
                Assert.Equal(history.Where(r => r.Day == lastDay).Select(r => r.Lesson).Distinct().Count(), f[Feature("lastDayLessons")]);
                Assert.Equal(DayShare(kept, lesson, d), f[Feature("dayLearnerShare")], 5);
                Assert.Equal(DayShare(kept, lesson, d - 1), f[Feature("previousDayLearnerShare")], 5);

                var week = CourseDay.WeekOf(d);
                Assert.Equal(LearnerDayShare(kept, lesson, r => CourseDay.WeekOf(r.Day) == week), f[Feature("weekLearnerShare")], 5);
                Assert.Equal(LearnerDayShare(kept, lesson, r => CourseDay.WeekOf(r.Day) == week - 1), f[Feature("previousWeekLearnerShare")], 5);
                Assert.Equal(LearnerDayShare(kept, lesson, _ => true), f[Feature("courseLearnerShare")], 5);
                var weekRows = kept.Where(r => CourseDay.WeekOf(r.Day) == week).ToList();
                var weekTotal = weekRows.Sum(r => r.Count);
                Assert.Equal(weekTotal == 0 ? 0 : (float)weekRows.Where(r => r.Lesson == lesson).Sum(r => r.Count) / weekTotal, f[Feature("weekClickShare")], 5);
                var firstUse = kept.Where(r => r.Lesson == lesson).Select(r => r.Day).DefaultIfEmpty(int.MaxValue).Min();
                Assert.Equal(firstUse == int.MaxValue ? float.NaN : d - firstUse, f[Feature("daysSinceFirstUse")]);

                var (max, sum) = Transitions(kept, history.Where(r => r.Day == lastDay).Select(r => r.Lesson).ToHashSet(), lesson);
                Assert.Equal(max, f[Feature("transitionMax")], 5);
                Assert.Equal(sum, f[Feature("transitionSum")], 4);
            }
        }
    }

    [Fact]
    public void Week_rank_is_the_popularity_baseline_order()
    {
        var course = SyntheticCourse.Random(7, learners: 15, lessons: 25, maxDay: 50);
        var split = NextLessonProtocol.Build(course, 0, 0);
        var nextCase = split.Cases[0];
        var query = split.ToQuery(nextCase);
        var baseline = PopularityBaseline.Rank(split.Stats, nextCase.Day, 25);
        for (var position = 0; position < baseline.Count; position++)
        {
            var c = split.Stats.IndexOf(baseline[position]);
            Assert.Equal(position, query.Features[(c * RankingFeatures.Count) + Feature("weekRank")]);
        }
    }

    private static float LearnerDayShare(
        List<(string Learner, string Lesson, int Day, int Count)> rows,
        string lesson,
        Func<(string Learner, string Lesson, int Day, int Count), bool> where)
    {
        var days = rows.Where(where).Select(r => (r.Learner, r.Day)).Distinct().Count();
        var withLesson = rows.Where(where).Where(r => r.Lesson == lesson).Select(r => (r.Learner, r.Day)).Distinct().Count();
        return days == 0 ? 0 : (float)withLesson / days;
    }

    private static float DayShare(List<(string Learner, string Lesson, int Day, int Count)> rows, string lesson, int day)
    {
        var active = rows.Where(r => r.Day == day).Select(r => r.Learner).Distinct().Count();
        var used = rows.Where(r => r.Day == day && r.Lesson == lesson).Select(r => r.Learner).Distinct().Count();
        return active == 0 ? 0 : (float)used / active;
    }

    private static (float Max, float Sum) Transitions(
        List<(string Learner, string Lesson, int Day, int Count)> rows, HashSet<string> sources, string target)
    {
        float max = 0, sum = 0;
        foreach (var source in sources)
        {
            int successors = 0, hits = 0;
            foreach (var learner in rows.GroupBy(r => r.Learner))
            {
                var days = learner.Select(r => r.Day).Distinct().OrderBy(x => x).ToList();
                for (var i = 0; i + 1 < days.Count; i++)
                {
                    if (!learner.Any(r => r.Day == days[i] && r.Lesson == source))
                    {
                        continue;
                    }

                    successors++;
                    if (learner.Any(r => r.Day == days[i + 1] && r.Lesson == target))
                    {
                        hits++;
                    }
                }
            }

            var p = hits / (successors + 1f);
            max = Math.Max(max, p);
            sum += p;
        }

        return (max, sum);
    }
}
