using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Tests.Ranking;

public sealed class TimeOrderedProtocolTests
{
    [Fact]
    public void Time_ordered_aggregates_never_hold_a_row_dated_on_or_after_the_case_day()
    {
        var course = SyntheticCourse.Random(21, learners: 25, lessons: 12, maxDay: 40);
        var learnerDays = course.Events
            .Select(e => (e.LearnerId, Day: CourseDay.Of(e.Timestamp, course.Start)))
            .Distinct()
            .ToList();
        var cases = 0;
        foreach (var (nextCase, stats) in NextLessonProtocol.Cases(course, extraDaysPerLearner: 2, seed: 3, NextLessonStatistics.TimeOrdered))
        {
            Assert.Equal(learnerDays.Count(d => d.Day < nextCase.Day), stats.TotalLearnerDays);
            for (var day = nextCase.Day; day <= 45; day++)
            {
                Assert.Equal(0, stats.DayActiveLearners(day));
            }

            Assert.All(Enumerable.Range(0, stats.Candidates.Count), i => Assert.True(stats.FirstDay(i) == int.MaxValue || stats.FirstDay(i) < nextCase.Day));
            Assert.True(nextCase.History.CurrentDay < nextCase.Day);
            cases++;
        }

        Assert.True(cases > 25, $"{cases} cases");
    }

    [Fact]
    public void Time_ordered_features_equal_features_from_a_table_cut_before_the_case_day()
    {
        var course = SyntheticCourse.Random(22, learners: 20, lessons: 10, maxDay: 30);
        foreach (var (nextCase, stats) in NextLessonProtocol.Cases(course, 1, 5, NextLessonStatistics.TimeOrdered).Where((_, i) => i % 3 == 0))
        {
            // Every row dated before the case day, of every learner, replayed from scratch.
            var cut = new CourseRankingStats(course.Candidates);
            var states = new Dictionary<string, LearnerRankingState>(StringComparer.Ordinal);
            foreach (var e in course.Events
                .Select((e, order) => (e, order, Day: CourseDay.Of(e.Timestamp, course.Start)))
                .Where(x => x.Day < nextCase.Day)
                .OrderBy(x => x.e.LearnerId, StringComparer.Ordinal).ThenBy(x => x.Day).ThenBy(x => x.order))
            {
                if (!states.TryGetValue(e.e.LearnerId, out var state))
                {
                    state = new LearnerRankingState();
                    states[e.e.LearnerId] = state;
                }

                cut.Record(state, e.e.LessonId!, e.Day, e.e.Count);
            }

            var expected = NextLessonProtocol.ToQuery(nextCase with { History = states[nextCase.LearnerId] }, cut);
            var actual = NextLessonProtocol.ToQuery(nextCase, stats);
            Assert.Equal(expected.Features, actual.Features);
            Assert.Equal(expected.Relevant, actual.Relevant);
        }
    }

    [Fact]
    public void Both_protocols_score_the_same_held_out_cases_and_the_pooled_one_is_unchanged()
    {
        var course = SyntheticCourse.Random(23, learners: 30, lessons: 15, maxDay: 50);
        var split = NextLessonProtocol.Build(course, 0, 0);

        var pooled = NextLessonProtocol.Cases(course, 0, 0, NextLessonStatistics.Pooled).Select(c => (c.Case.LearnerId, c.Case.Day, c.Case.IsHoldout)).ToList();
        var timeOrdered = NextLessonProtocol.Cases(course, 0, 0, NextLessonStatistics.TimeOrdered).Select(c => (c.Case.LearnerId, c.Case.Day, c.Case.IsHoldout)).ToList();

        Assert.Equal(split.Cases.Select(c => (c.LearnerId, c.Day, c.IsHoldout)), pooled);
        Assert.Equal(pooled.Order(), timeOrdered.Order());
        Assert.All(timeOrdered, c => Assert.True(c.IsHoldout));
    }

    [Fact]
    public void Time_ordered_baseline_ranks_by_the_part_of_the_week_already_past()
    {
        var candidates = new[] { new RankingCandidate("a", "resource"), new RankingCandidate("b", "resource"), new RankingCandidate("c", "resource") };
        // Day 7 (week 1): two learners use b. Day 8: three use c. The case is learner z on day 8.
        var events = new[]
        {
            SyntheticCourse.Click("x", "a", 0, 1), SyntheticCourse.Click("x", "b", 7, 1), SyntheticCourse.Click("y", "b", 7, 1),
            SyntheticCourse.Click("y", "c", 8, 1), SyntheticCourse.Click("w", "c", 8, 1), SyntheticCourse.Click("v", "c", 8, 1),
            SyntheticCourse.Click("z", "a", 1, 1), SyntheticCourse.Click("z", "c", 8, 1),
        };
        var course = new RankingCourseData("c1", candidates, SyntheticCourse.Start, events);

        var z = NextLessonProtocol.Cases(course, 0, 0, NextLessonStatistics.TimeOrdered).Single(c => c.Case.LearnerId == "z");
        Assert.Equal(["b", "a", "c"], PopularityBaseline.Rank(z.Stats, z.Case.Day, 3));

        var pooled = NextLessonProtocol.Build(course, 0, 0);
        Assert.Equal("c", PopularityBaseline.Rank(pooled.Stats, 8, 3)[0]);
    }
}
