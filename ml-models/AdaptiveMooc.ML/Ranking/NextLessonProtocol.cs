namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The next-lesson protocol (issue 3, item 5): every learner with at least two active days has their
/// last active day held out; history = their events before it; target = the distinct lessons used
/// on it. Course aggregates are built from every row that is not held out. For training, earlier
/// active days of the same learners can be added as extra cases (their rows stay in the aggregates).
/// </summary>
public static class NextLessonProtocol
{
    public static NextLessonSplit Build(RankingCourseData course, int extraDaysPerLearner, int seed)
    {
        ArgumentNullException.ThrowIfNull(course);
        var stats = new CourseRankingStats(course.Candidates);
        var cases = new List<NextLessonCase>();
        var random = new Random(seed);
        var byLearner = course.Events
            .Where(e => e.LessonId is not null)
            .Select((e, order) => (e.LearnerId, Lesson: e.LessonId!, Day: CourseDay.Of(e.Timestamp, course.Start), e.Count, order))
            .GroupBy(e => e.LearnerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        foreach (var learner in byLearner)
        {
            var events = learner.OrderBy(e => e.Day).ThenBy(e => e.order).ToList();
            var days = events.Select(e => e.Day).Distinct().ToList();
            var holdout = days.Count >= 2 ? days[^1] : (int?)null;
            var queryDays = new HashSet<int>();
            if (holdout is not null && extraDaysPerLearner > 0)
            {
                // Earlier days need a history before them: any active day but the first and the last.
                var earlier = days.Skip(1).SkipLast(1).ToList();
                for (var k = 0; k < extraDaysPerLearner && earlier.Count > 0; k++)
                {
                    var pick = random.Next(earlier.Count);
                    queryDays.Add(earlier[pick]);
                    earlier.RemoveAt(pick);
                }
            }

            var state = new LearnerRankingState();
            var previousDay = int.MinValue;
            foreach (var e in events)
            {
                if (e.Day == holdout)
                {
                    break;
                }

                if (e.Day != previousDay && queryDays.Contains(e.Day))
                {
                    cases.Add(new NextLessonCase(learner.Key, e.Day, state.Clone(), TargetOf(events, e.Day), false));
                }

                previousDay = e.Day;
                stats.Record(state, e.Lesson, e.Day, e.Count);
            }

            if (holdout is { } h)
            {
                cases.Add(new NextLessonCase(learner.Key, h, state, TargetOf(events, h), true));
            }
        }

        return new NextLessonSplit(course.CourseId, stats, cases);
    }

    private static HashSet<string> TargetOf(
        List<(string LearnerId, string Lesson, int Day, int Count, int order)> events, int day) =>
        events.Where(e => e.Day == day).Select(e => e.Lesson).ToHashSet(StringComparer.Ordinal);
}
