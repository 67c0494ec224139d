using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The compact, bounded state one learner needs in one course for next-lesson features. Every event
/// costs O(<see cref="Capacity"/>) at most, a constant: it keeps the <see cref="Capacity"/> most
/// recently used lessons (least recently used evicted) and the lessons of the previous active day, so
/// a learner grain can carry it however long the learner studies.
/// </summary>
public sealed class LearnerRankingState
{
    /// <summary>Lessons remembered per learner and course.</summary>
    public const int DefaultCapacity = 64;

    /// <summary>Lessons of the previous active day remembered (for transitions).</summary>
    public const int PreviousDayCapacity = 32;

    /// <summary>Marks "no active day yet".</summary>
    public const int NoDay = int.MinValue;

    private readonly string[] _lessons;
    private readonly int[] _lastDay;
    private readonly int[] _days;
    private readonly int[] _clicks;
    private readonly int[] _lastDayClicks;
    private readonly double[] _decayedDays;
    private readonly string[] _previousLessons;
    private readonly int[] _previousClicks;

    public LearnerRankingState(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _lessons = new string[capacity];
        _lastDay = new int[capacity];
        _days = new int[capacity];
        _clicks = new int[capacity];
        _lastDayClicks = new int[capacity];
        _decayedDays = new double[capacity];
        _previousLessons = new string[PreviousDayCapacity];
        _previousClicks = new int[PreviousDayCapacity];
    }

    public int Capacity { get; }

    /// <summary>Lessons currently remembered.</summary>
    public int Count { get; private set; }

    /// <summary>The latest active day (course day), or <see cref="NoDay"/>.</summary>
    public int CurrentDay { get; private set; } = NoDay;

    /// <summary>The active day before <see cref="CurrentDay"/>, or <see cref="NoDay"/>.</summary>
    public int PreviousDay { get; private set; } = NoDay;

    /// <summary>Distinct active days so far.</summary>
    public int ActiveDays { get; private set; }

    /// <summary>All interactions so far (evicted lessons included).</summary>
    public long TotalClicks { get; private set; }

    /// <summary>Sum over active days of the distinct lessons used that day (evicted lessons included).</summary>
    public int LessonDays { get; private set; }

    /// <summary>Time constant, in days, of <see cref="DecayedDaysAt"/>.</summary>
    public const double DecayDays = 7;

    /// <summary>Lessons of <see cref="PreviousDay"/> remembered.</summary>
    public int PreviousDayCount { get; private set; }

    /// <summary>
    /// The day an event is counted on: statements arriving late (dated before the current active day)
    /// are folded into the current day, so the state never has to rewind.
    /// </summary>
    public int EffectiveDay(int day) => CurrentDay == NoDay || day > CurrentDay ? day : CurrentDay;

    /// <summary>
    /// Applies one event of <paramref name="count"/> interactions with a lesson on a course day and
    /// returns what it contributes to the course's <see cref="CourseRankingStats"/>.
    /// </summary>
    public RankingObservation Apply(string lessonId, int day, int count)
    {
        ArgumentNullException.ThrowIfNull(lessonId);
        day = EffectiveDay(day);
        var clicks = Math.Max(count, 1);
        var newDay = day != CurrentDay;
        IReadOnlyList<string> left = newDay && CurrentDay != NoDay ? CurrentDayLessons() : [];
        var i = IndexOf(lessonId);
        var newLessonDay = newDay || i < 0 || _lastDay[i] != day;
        IReadOnlyList<string> sources = !newLessonDay ? [] : newDay ? left : _previousLessons[..PreviousDayCount];

        if (newDay)
        {
            StartDay(day);
        }

        if (i < 0)
        {
            i = Allocate(lessonId);
        }

        if (_lastDay[i] != day)
        {
            // Decayed count of days of use, kept as of the last day of use and aged on read.
            _decayedDays[i] = _lastDay[i] == NoDay ? 1 : 1 + (_decayedDays[i] * Math.Exp(-(day - _lastDay[i]) / DecayDays));
            _days[i]++;
            _lastDay[i] = day;
            _lastDayClicks[i] = 0;
            LessonDays++;
        }

        TotalClicks += clicks;
        _clicks[i] += clicks;
        _lastDayClicks[i] += clicks;
        return new RankingObservation(lessonId, day, clicks, newDay, left, newLessonDay, sources);
    }

    /// <summary>
    /// Slots of the lessons used on <see cref="CurrentDay"/>, in slot order and capped at
    /// <see cref="PreviousDayCapacity"/>: exactly the lessons that become the previous day's.
    /// </summary>
    public IEnumerable<int> CurrentDayEntries()
    {
        var taken = 0;
        for (var i = 0; i < Count && taken < PreviousDayCapacity; i++)
        {
            if (_lastDay[i] == CurrentDay)
            {
                taken++;
                yield return i;
            }
        }
    }

    /// <summary>Applies a learning event about a lesson; <paramref name="courseStart"/> defines course day 0.</summary>
    public RankingObservation? Apply(LearningEvent learningEvent, DateTimeOffset courseStart)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        return learningEvent.LessonId is { } lesson
            ? Apply(lesson, CourseDay.Of(learningEvent.Timestamp, courseStart), learningEvent.Count)
            : null;
    }

    /// <summary>Index of a remembered lesson, or -1.</summary>
    public int IndexOf(string lessonId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_lessons[i], lessonId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public string LessonAt(int index) => _lessons[index];

    /// <summary>Course day the lesson at <paramref name="index"/> was last used.</summary>
    public int LastDayAt(int index) => _lastDay[index];

    /// <summary>Distinct active days on which the lesson at <paramref name="index"/> was used.</summary>
    public int DaysAt(int index) => _days[index];

    public int ClicksAt(int index) => _clicks[index];

    /// <summary>Days of use of the lesson at <paramref name="index"/>, each weighted exp(-age / <see cref="DecayDays"/>) as of <paramref name="day"/>.</summary>
    public double DecayedDaysAt(int index, int day) => _decayedDays[index] * Math.Exp(-(day - _lastDay[index]) / DecayDays);

    /// <summary>Interactions with the lesson at <paramref name="index"/> on its last day of use.</summary>
    public int LastDayClicksAt(int index) => _lastDayClicks[index];

    public string PreviousDayLessonAt(int index) => _previousLessons[index];

    public int PreviousDayClicksAt(int index) => _previousClicks[index];

    /// <summary>A deep copy (used to freeze a learner's history at a query day).</summary>
    public LearnerRankingState Clone()
    {
        var copy = new LearnerRankingState(Capacity);
        CopyTo(copy);
        return copy;
    }

    /// <summary>A plain snapshot a grain can persist.</summary>
    public LearnerRankingSnapshot ToSnapshot() => new(
        Capacity,
        CurrentDay,
        PreviousDay,
        ActiveDays,
        TotalClicks,
        LessonDays,
        _lessons[..Count],
        _lastDay[..Count],
        _days[..Count],
        _clicks[..Count],
        _lastDayClicks[..Count],
        _decayedDays[..Count],
        _previousLessons[..PreviousDayCount],
        _previousClicks[..PreviousDayCount]);

    public static LearnerRankingState FromSnapshot(LearnerRankingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new LearnerRankingState(snapshot.Capacity)
        {
            CurrentDay = snapshot.CurrentDay,
            PreviousDay = snapshot.PreviousDay,
            ActiveDays = snapshot.ActiveDays,
            TotalClicks = snapshot.TotalClicks,
            LessonDays = snapshot.LessonDays,
            Count = Math.Min(snapshot.Lessons.Count, snapshot.Capacity),
            PreviousDayCount = Math.Min(snapshot.PreviousDayLessons.Count, PreviousDayCapacity),
        };
        for (var i = 0; i < state.Count; i++)
        {
            state._lessons[i] = snapshot.Lessons[i];
            state._lastDay[i] = snapshot.LastDay[i];
            state._days[i] = snapshot.Days[i];
            state._clicks[i] = snapshot.Clicks[i];
            state._lastDayClicks[i] = snapshot.LastDayClicks[i];
            state._decayedDays[i] = snapshot.DecayedDays[i];
        }

        for (var i = 0; i < state.PreviousDayCount; i++)
        {
            state._previousLessons[i] = snapshot.PreviousDayLessons[i];
            state._previousClicks[i] = snapshot.PreviousDayClicks[i];
        }

        return state;
    }

    private void CopyTo(LearnerRankingState copy)
    {
        Array.Copy(_lessons, copy._lessons, Count);
        Array.Copy(_lastDay, copy._lastDay, Count);
        Array.Copy(_days, copy._days, Count);
        Array.Copy(_clicks, copy._clicks, Count);
        Array.Copy(_lastDayClicks, copy._lastDayClicks, Count);
        Array.Copy(_decayedDays, copy._decayedDays, Count);
        Array.Copy(_previousLessons, copy._previousLessons, PreviousDayCount);
        Array.Copy(_previousClicks, copy._previousClicks, PreviousDayCount);
        copy.Count = Count;
        copy.PreviousDayCount = PreviousDayCount;
        copy.CurrentDay = CurrentDay;
        copy.PreviousDay = PreviousDay;
        copy.ActiveDays = ActiveDays;
        copy.TotalClicks = TotalClicks;
        copy.LessonDays = LessonDays;
    }

    private string[] CurrentDayLessons() => [.. CurrentDayEntries().Select(i => _lessons[i])];

    private void StartDay(int day)
    {
        PreviousDayCount = 0;
        if (CurrentDay != NoDay)
        {
            foreach (var i in CurrentDayEntries())
            {
                _previousLessons[PreviousDayCount] = _lessons[i];
                _previousClicks[PreviousDayCount] = _lastDayClicks[i];
                PreviousDayCount++;
            }
        }

        PreviousDay = CurrentDay;
        CurrentDay = day;
        ActiveDays++;
    }

    private int Allocate(string lessonId)
    {
        int i;
        if (Count < Capacity)
        {
            i = Count++;
        }
        else
        {
            // Least recently used goes; among equals the least used, then the first slot (deterministic).
            i = 0;
            for (var j = 1; j < Count; j++)
            {
                if (_lastDay[j] < _lastDay[i] || (_lastDay[j] == _lastDay[i] && _days[j] < _days[i]))
                {
                    i = j;
                }
            }
        }

        _lessons[i] = lessonId;
        _lastDay[i] = NoDay;
        _days[i] = 0;
        _clicks[i] = 0;
        _lastDayClicks[i] = 0;
        _decayedDays[i] = 0;
        return i;
    }
}
