namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// Course-wide aggregates the ranking features read beside the learner's own state: per course week
/// and lesson, clicks and learner-days; per course day and lesson, learners; per lesson, learner-days, first day of use and next-active-day
/// transitions. Its size depends on the lessons and weeks of the course only, never on learners or
/// events; each event costs at most O(<see cref="LearnerRankingState.Capacity"/>).
/// </summary>
public sealed class CourseRankingStats
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<int, WeekCounts> _weeks = [];
    private readonly Dictionary<int, WeekCounts> _days = [];
    private readonly int[] _learnerDays;
    private readonly double[] _clicks;
    private readonly int[] _firstDay;
    private readonly Dictionary<int, int>[] _transitions;
    private readonly int[] _transitionSources;
    private readonly Dictionary<int, (long Version, int[] Rank)> _rankCache = [];
    private long _version;

    public CourseRankingStats(IReadOnlyList<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = candidates;
        _index = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            _index.TryAdd(candidates[i].LessonId, i);
        }

        _learnerDays = new int[candidates.Count];
        _clicks = new double[candidates.Count];
        _firstDay = new int[candidates.Count];
        Array.Fill(_firstDay, int.MaxValue);
        _transitions = new Dictionary<int, int>[candidates.Count];
        _transitionSources = new int[candidates.Count];
    }

    public IReadOnlyList<RankingCandidate> Candidates { get; }

    /// <summary>Active learner-days observed in the whole course.</summary>
    public int TotalLearnerDays { get; private set; }

    public int IndexOf(string lessonId) => _index.TryGetValue(lessonId, out var i) ? i : -1;

    /// <summary>Applies one event to the learner's state and its contribution to these aggregates.</summary>
    public void Record(LearnerRankingState learner, string lessonId, int day, int count)
    {
        ArgumentNullException.ThrowIfNull(learner);
        Observe(learner.Apply(lessonId, day, count));
    }

    public double WeekClicks(int week, int lesson) => _weeks.TryGetValue(week, out var w) ? w.Clicks[lesson] : 0;

    public int WeekLearnerDays(int week, int lesson) => _weeks.TryGetValue(week, out var w) ? w.LearnerDays[lesson] : 0;

    /// <summary>Learners who used the lesson on a course day.</summary>
    public int DayLearners(int day, int lesson) => _days.TryGetValue(day, out var d) ? d.LearnerDays[lesson] : 0;

    /// <summary>Learners active on a course day.</summary>
    public int DayActiveLearners(int day) => _days.TryGetValue(day, out var d) ? d.ActiveLearnerDays : 0;

    /// <summary>Active learner-days in a course week.</summary>
    public int WeekActiveLearnerDays(int week) => _weeks.TryGetValue(week, out var w) ? w.ActiveLearnerDays : 0;

    /// <summary>Clicks on candidate lessons in a course week.</summary>
    public double WeekTotalClicks(int week) => _weeks.TryGetValue(week, out var w) ? w.TotalClicks : 0;

    public int LearnerDays(int lesson) => _learnerDays[lesson];

    public double Clicks(int lesson) => _clicks[lesson];

    /// <summary>First course day anyone used the lesson, or <see cref="int.MaxValue"/>.</summary>
    public int FirstDay(int lesson) => _firstDay[lesson];

    /// <summary>Learner-days on which <paramref name="lesson"/> was used and the learner came back later.</summary>
    public int TransitionSources(int lesson) => _transitionSources[lesson];

    /// <summary>Lessons used on the next active day after a day that used <paramref name="lesson"/>, with counts.</summary>
    public IReadOnlyDictionary<int, int>? TransitionsFrom(int lesson) => _transitions[lesson];

    /// <summary>
    /// Rank (0 = most clicked) of every candidate by clicks in the course week, ties by clicks in the
    /// whole course, then by candidate order: the popularity baseline's order.
    /// </summary>
    public IReadOnlyList<int> WeekRank(int week)
    {
        if (_rankCache.TryGetValue(week, out var cached) && cached.Version == _version)
        {
            return cached.Rank;
        }

        var order = PopularityOrder(week);
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        _rankCache[week] = (_version, rank);
        return rank;
    }

    /// <summary>Candidate indices, most clicked in the week first (see <see cref="WeekRank"/>).</summary>
    public int[] PopularityOrder(int week)
    {
        var order = new int[Candidates.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        _weeks.TryGetValue(week, out var w);
        Array.Sort(order, (a, b) =>
        {
            var byWeek = (w?.Clicks[b] ?? 0).CompareTo(w?.Clicks[a] ?? 0);
            if (byWeek != 0)
            {
                return byWeek;
            }

            var byCourse = _clicks[b].CompareTo(_clicks[a]);
            return byCourse != 0 ? byCourse : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>
    /// Adds one event's contribution (see <see cref="RankingObservation"/>); costs O(lessons in the
    /// observation), at most <see cref="LearnerRankingState.PreviousDayCapacity"/>.
    /// </summary>
    public void Observe(RankingObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _version++;
        var day = observation.Day;
        var week = CourseDay.WeekOf(day);
        if (!_weeks.TryGetValue(week, out var counts))
        {
            counts = new WeekCounts(Candidates.Count);
            _weeks.Add(week, counts);
        }

        if (!_days.TryGetValue(day, out var dayCounts))
        {
            dayCounts = new WeekCounts(Candidates.Count);
            _days.Add(day, dayCounts);
        }

        if (observation.NewDay)
        {
            counts.ActiveLearnerDays++;
            dayCounts.ActiveLearnerDays++;
            TotalLearnerDays++;
            foreach (var left in observation.LeftDayLessons)
            {
                if (IndexOf(left) is var source and >= 0)
                {
                    _transitionSources[source]++;
                }
            }
        }

        var lesson = IndexOf(observation.LessonId);
        if (lesson < 0)
        {
            return;
        }

        counts.Clicks[lesson] += observation.Count;
        counts.TotalClicks += observation.Count;
        _clicks[lesson] += observation.Count;
        _firstDay[lesson] = Math.Min(_firstDay[lesson], day);
        if (!observation.NewLessonDay)
        {
            return;
        }

        counts.LearnerDays[lesson]++;
        dayCounts.LearnerDays[lesson]++;
        _learnerDays[lesson]++;
        foreach (var source in observation.TransitionSources)
        {
            AddTransition(source, lesson);
        }
    }

    /// <summary>A plain snapshot a grain can persist (see <see cref="FromSnapshot"/>).</summary>
    public CourseRankingStatsSnapshot ToSnapshot()
    {
        var lessons = new List<CourseRankingLessonTotals>(Candidates.Count);
        for (var i = 0; i < Candidates.Count; i++)
        {
            var transitions = _transitions[i] is { } row
                ? row.ToDictionary(kv => Candidates[kv.Key].LessonId, kv => kv.Value, StringComparer.Ordinal)
                : new Dictionary<string, int>(StringComparer.Ordinal);
            lessons.Add(new CourseRankingLessonTotals(Candidates[i].LessonId, _learnerDays[i], _clicks[i], _firstDay[i], _transitionSources[i], transitions));
        }

        return new CourseRankingStatsSnapshot(TotalLearnerDays, lessons, Periods(_weeks), Periods(_days));
    }

    /// <summary>
    /// Stats over <paramref name="candidates"/> restored from <paramref name="snapshot"/>; lessons the
    /// snapshot knows but the candidates no longer hold are dropped, new candidates start at zero.
    /// </summary>
    public static CourseRankingStats FromSnapshot(IReadOnlyList<RankingCandidate> candidates, CourseRankingStatsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stats = new CourseRankingStats(candidates) { TotalLearnerDays = snapshot.TotalLearnerDays };
        foreach (var lesson in snapshot.Lessons)
        {
            var i = stats.IndexOf(lesson.LessonId);
            if (i < 0)
            {
                continue;
            }

            stats._learnerDays[i] = lesson.LearnerDays;
            stats._clicks[i] = lesson.Clicks;
            stats._firstDay[i] = lesson.FirstDay;
            stats._transitionSources[i] = lesson.TransitionSources;
            foreach (var (to, count) in lesson.Transitions)
            {
                if (stats.IndexOf(to) is var j and >= 0)
                {
                    var row = stats._transitions[i] ??= [];
                    row[j] = count;
                }
            }
        }

        Restore(stats, snapshot.Weeks, stats._weeks);
        Restore(stats, snapshot.Days, stats._days);
        return stats;
    }

    private List<CourseRankingPeriodCounts> Periods(Dictionary<int, WeekCounts> periods) =>
    [
        .. periods.OrderBy(kv => kv.Key).Select(kv => new CourseRankingPeriodCounts(
            kv.Key,
            kv.Value.ActiveLearnerDays,
            kv.Value.TotalClicks,
            Enumerable.Range(0, Candidates.Count).Where(i => kv.Value.Clicks[i] != 0)
                .ToDictionary(i => Candidates[i].LessonId, i => kv.Value.Clicks[i], StringComparer.Ordinal),
            Enumerable.Range(0, Candidates.Count).Where(i => kv.Value.LearnerDays[i] != 0)
                .ToDictionary(i => Candidates[i].LessonId, i => kv.Value.LearnerDays[i], StringComparer.Ordinal))),
    ];

    private static void Restore(CourseRankingStats stats, IReadOnlyList<CourseRankingPeriodCounts> periods, Dictionary<int, WeekCounts> target)
    {
        foreach (var period in periods)
        {
            var counts = new WeekCounts(stats.Candidates.Count) { ActiveLearnerDays = period.ActiveLearnerDays, TotalClicks = period.TotalClicks };
            foreach (var (lesson, clicks) in period.Clicks)
            {
                if (stats.IndexOf(lesson) is var i and >= 0)
                {
                    counts.Clicks[i] = clicks;
                }
            }

            foreach (var (lesson, days) in period.LearnerDays)
            {
                if (stats.IndexOf(lesson) is var i and >= 0)
                {
                    counts.LearnerDays[i] = days;
                }
            }

            target[period.Period] = counts;
        }
    }

    private void AddTransition(string fromLesson, int to)
    {
        var from = IndexOf(fromLesson);
        if (from < 0)
        {
            return;
        }

        var row = _transitions[from] ??= [];
        row[to] = row.GetValueOrDefault(to) + 1;
    }

    private sealed class WeekCounts(int lessons)
    {
        public double[] Clicks { get; } = new double[lessons];

        public int[] LearnerDays { get; } = new int[lessons];

        public int ActiveLearnerDays { get; set; }

        public double TotalClicks { get; set; }
    }
}
