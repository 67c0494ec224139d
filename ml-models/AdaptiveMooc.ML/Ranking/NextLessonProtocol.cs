namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The next-lesson protocol (issue 3, item 5): every learner with at least two active days has their
/// last active day held out; history = their events before it; target = the distinct lessons used
/// on it. For training, earlier active days of the same learners can be added as extra cases.
/// Two ways of building the course aggregates the features and the baseline read
/// (<see cref="NextLessonStatistics"/>): <see cref="NextLessonStatistics.TimeOrdered"/> (the default,
/// what serving has: only rows dated before the case's day) and <see cref="NextLessonStatistics.Pooled"/>
/// (every row that is not held out, any day).
/// </summary>
public static class NextLessonProtocol
{
    /// <summary>The pooled protocol: aggregates over every row that is not held out, and the cases.</summary>
    public static NextLessonSplit Build(RankingCourseData course, int extraDaysPerLearner, int seed)
    {
        ArgumentNullException.ThrowIfNull(course);
        var stats = new CourseRankingStats(course.Candidates);
        var cases = new List<NextLessonCase>();
        foreach (var plan in Plans(course, extraDaysPerLearner, seed))
        {
            var state = new LearnerRankingState();
            var previousDay = int.MinValue;
            foreach (var e in plan.Events)
            {
                if (e.Day == plan.Holdout)
                {
                    break;
                }

                if (e.Day != previousDay && plan.QueryDays.Contains(e.Day))
                {
                    cases.Add(new NextLessonCase(plan.LearnerId, e.Day, state.Clone(), plan.TargetOf(e.Day), false));
                }

                previousDay = e.Day;
                stats.Record(state, e.Lesson, e.Day, e.Count);
            }

            if (plan.Holdout is { } h)
            {
                cases.Add(new NextLessonCase(plan.LearnerId, h, state, plan.TargetOf(h), true));
            }
        }

        return new NextLessonSplit(course.CourseId, stats, cases);
    }

    /// <summary>
    /// Every case of the course with the aggregates it is scored against. Time-ordered: the course's
    /// events are replayed in day order and each case is yielded, before any row of its day is applied,
    /// with the aggregates of every row (every learner, held-out days included) dated before its day;
    /// the yielded <see cref="CourseRankingStats"/> is the live replay object, valid until the next item
    /// is requested. Pooled: the cases of <see cref="Build"/>, all with its one set of aggregates.
    /// </summary>
    public static IEnumerable<(NextLessonCase Case, CourseRankingStats Stats)> Cases(
        RankingCourseData course, int extraDaysPerLearner, int seed, NextLessonStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (statistics == NextLessonStatistics.Pooled)
        {
            var split = Build(course, extraDaysPerLearner, seed);
            return split.Cases.Select(c => (c, split.Stats));
        }

        return TimeOrdered(course, extraDaysPerLearner, seed);
    }

    /// <summary>The case as a ranking query over all candidates of <paramref name="stats"/>.</summary>
    public static RankingQuery ToQuery(NextLessonCase nextCase, CourseRankingStats stats)
    {
        ArgumentNullException.ThrowIfNull(nextCase);
        ArgumentNullException.ThrowIfNull(stats);
        var n = stats.Candidates.Count;
        var features = new float[n * RankingFeatures.Count];
        RankingFeatures.Compute(nextCase.History, stats, nextCase.Day, features);
        var relevant = new bool[n];
        foreach (var lesson in nextCase.Target)
        {
            var i = stats.IndexOf(lesson);
            if (i >= 0)
            {
                relevant[i] = true;
            }
        }

        return new RankingQuery(features, relevant);
    }

    private static IEnumerable<(NextLessonCase Case, CourseRankingStats Stats)> TimeOrdered(RankingCourseData course, int extraDaysPerLearner, int seed)
    {
        var plans = Plans(course, extraDaysPerLearner, seed);
        var stats = new CourseRankingStats(course.Candidates);
        var states = plans.Select(_ => new LearnerRankingState()).ToArray();
        var queries = new SortedDictionary<int, List<(int Learner, bool Holdout)>>();
        for (var p = 0; p < plans.Count; p++)
        {
            foreach (var day in plans[p].QueryDays)
            {
                Add(queries, day, (p, false));
            }

            if (plans[p].Holdout is { } h)
            {
                Add(queries, h, (p, true));
            }
        }

        // Learners in id order within a day, each learner's own events in their day-then-arrival order.
        var timeline = plans
            .SelectMany((plan, p) => plan.Events.Select((e, i) => (e.Day, Learner: p, Index: i)))
            .OrderBy(e => e.Day).ThenBy(e => e.Learner).ThenBy(e => e.Index)
            .ToList();
        var next = 0;
        foreach (var (day, learners) in queries)
        {
            for (; next < timeline.Count && timeline[next].Day < day; next++)
            {
                var (_, learner, index) = timeline[next];
                var e = plans[learner].Events[index];
                stats.Record(states[learner], e.Lesson, e.Day, e.Count);
            }

            foreach (var (learner, holdout) in learners)
            {
                var plan = plans[learner];
                yield return (new NextLessonCase(plan.LearnerId, day, states[learner].Clone(), plan.TargetOf(day), holdout), stats);
            }
        }
    }

    private static void Add(SortedDictionary<int, List<(int, bool)>> queries, int day, (int, bool) query)
    {
        if (!queries.TryGetValue(day, out var list))
        {
            list = [];
            queries.Add(day, list);
        }

        list.Add(query);
    }

    /// <summary>Per learner (in id order): events in day order, the held-out day and the extra query days.</summary>
    private static List<LearnerPlan> Plans(RankingCourseData course, int extraDaysPerLearner, int seed)
    {
        var random = new Random(seed);
        var plans = new List<LearnerPlan>();
        var byLearner = course.Events
            .Where(e => e.LessonId is not null)
            .Select((e, order) => (e.LearnerId, Lesson: e.LessonId!, Day: CourseDay.Of(e.Timestamp, course.Start), e.Count, order))
            .GroupBy(e => e.LearnerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var learner in byLearner)
        {
            var events = learner.OrderBy(e => e.Day).ThenBy(e => e.order).Select(e => new PlannedEvent(e.Lesson, e.Day, e.Count)).ToList();
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

            plans.Add(new LearnerPlan(learner.Key, events, holdout, queryDays));
        }

        return plans;
    }

    private sealed record PlannedEvent(string Lesson, int Day, int Count);

    private sealed record LearnerPlan(string LearnerId, List<PlannedEvent> Events, int? Holdout, HashSet<int> QueryDays)
    {
        public HashSet<string> TargetOf(int day) =>
            Events.Where(e => e.Day == day).Select(e => e.Lesson).ToHashSet(StringComparer.Ordinal);
    }
}
