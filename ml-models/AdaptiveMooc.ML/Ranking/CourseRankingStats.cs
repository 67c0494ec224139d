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

    /// <summary>
    /// Records one event in the course aggregates and then in the learner's state. The aggregates read
    /// the learner's state as it was before the event, so the two must always be updated together.
    /// </summary>
    public void Record(LearnerRankingState learner, string lessonId, int day, int count)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(lessonId);
        Observe(learner, lessonId, learner.EffectiveDay(day), Math.Max(count, 1));
        learner.Apply(lessonId, day, count);
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

    private void Observe(LearnerRankingState learner, string lessonId, int day, int count)
    {
        _version++;
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

        var newDay = day != learner.CurrentDay;
        if (newDay)
        {
            counts.ActiveLearnerDays++;
            dayCounts.ActiveLearnerDays++;
            TotalLearnerDays++;
            if (learner.CurrentDay != LearnerRankingState.NoDay)
            {
                foreach (var i in CurrentDayEntries(learner))
                {
                    if (IndexOf(learner.LessonAt(i)) is var source and >= 0)
                    {
                        _transitionSources[source]++;
                    }
                }
            }
        }

        var lesson = IndexOf(lessonId);
        if (lesson < 0)
        {
            return;
        }

        counts.Clicks[lesson] += count;
        counts.TotalClicks += count;
        _clicks[lesson] += count;
        _firstDay[lesson] = Math.Min(_firstDay[lesson], day);
        var known = learner.IndexOf(lessonId);
        if (!newDay && known >= 0 && learner.LastDayAt(known) == day)
        {
            return;
        }

        counts.LearnerDays[lesson]++;
        dayCounts.LearnerDays[lesson]++;
        _learnerDays[lesson]++;
        if (newDay)
        {
            // The day being left becomes the previous active day.
            foreach (var i in CurrentDayEntries(learner))
            {
                AddTransition(learner.LessonAt(i), lesson);
            }
        }
        else
        {
            for (var i = 0; i < learner.PreviousDayCount; i++)
            {
                AddTransition(learner.PreviousDayLessonAt(i), lesson);
            }
        }
    }

    /// <summary>
    /// Entries of the learner's current active day, in slot order and capped as
    /// <see cref="LearnerRankingState"/> caps its previous-day list, so a day counts the same lessons
    /// whether it is being left now or was left earlier.
    /// </summary>
    internal static IEnumerable<int> CurrentDayEntries(LearnerRankingState learner)
    {
        var taken = 0;
        for (var i = 0; i < learner.Count && taken < LearnerRankingState.PreviousDayCapacity; i++)
        {
            if (learner.LastDayAt(i) == learner.CurrentDay)
            {
                taken++;
                yield return i;
            }
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
