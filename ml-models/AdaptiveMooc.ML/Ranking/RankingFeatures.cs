namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The next-lesson features of every candidate lesson for one learner on one course day, computed
/// only from <see cref="LearnerRankingState"/> and <see cref="CourseRankingStats"/>: the same code
/// builds training rows, evaluation rows and the rows the platform scores.
/// </summary>
public static class RankingFeatures
{
    private static readonly string[] Base =
    [
        "userDays", "userClicksLog", "userRecencyDays", "userLastDayClicksLog", "userPreviousDayUsed",
        "userDayShare", "userRecencyRank", "weekLearnerShare", "weekClickShare", "weekRank",
        "previousWeekLearnerShare", "courseLearnerShare", "transitionMax", "transitionSum",
        "daysSinceFirstUse", "plannedWeekOffset", "gapDays", "activeDaysLog", "dayLearnerShare", "previousDayLearnerShare",
        "userDecayedDays", "userClickShare", "lessonsPerDay", "lastDayLessons", "lastDayRepeatShare",
    ];

    /// <summary>Feature names in vector order.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Base, .. LessonKinds.Categories.Select(c => "kind_" + c)];

    /// <summary>Features per candidate (a constant so ML.NET schema classes can declare the vector size).</summary>
    public const int Count = 36;

    /// <summary>
    /// Writes the features of every candidate of <paramref name="course"/> (row-major, <see cref="Count"/>
    /// per candidate) for <paramref name="learner"/> as of <paramref name="day"/>, the day being ranked
    /// for: everything the learner did before it is history.
    /// </summary>
    public static void Compute(LearnerRankingState learner, CourseRankingStats course, int day, Span<float> features)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(course);
        var n = course.Candidates.Count;
        if (features.Length < n * Count)
        {
            throw new ArgumentException($"needs {n * Count} floats", nameof(features));
        }

        var week = CourseDay.WeekOf(day);
        var weekActive = course.WeekActiveLearnerDays(week);
        var weekClicks = course.WeekTotalClicks(week);
        var previousActive = course.WeekActiveLearnerDays(week - 1);
        var rank = course.WeekRank(week);
        var dayActive = course.DayActiveLearners(day);
        var previousDayActive = course.DayActiveLearners(day - 1);
        var total = course.TotalLearnerDays;
        var hasHistory = learner.CurrentDay != LearnerRankingState.NoDay;
        var gap = hasHistory ? day - learner.CurrentDay : float.NaN;
        var activeDaysLog = MathF.Log(1 + learner.ActiveDays);
        var lessonsPerDay = learner.ActiveDays > 0 ? (float)learner.LessonDays / learner.ActiveDays : float.NaN;
        var (lastDayLessons, repeatShare) = LastDayShape(learner);

        for (var r = 0; r < n; r++)
        {
            var f = features.Slice(r * Count, Count);
            var candidate = course.Candidates[r];
            f[0] = 0;
            f[1] = 0;
            f[2] = float.NaN;
            f[3] = 0;
            f[4] = 0;
            f[5] = 0;
            f[6] = float.NaN;
            f[7] = Share(course.WeekLearnerDays(week, r), weekActive);
            f[8] = weekClicks > 0 ? (float)(course.WeekClicks(week, r) / weekClicks) : 0;
            f[9] = rank[r];
            f[10] = Share(course.WeekLearnerDays(week - 1, r), previousActive);
            f[11] = Share(course.LearnerDays(r), total);
            f[12] = 0;
            f[13] = 0;
            var first = course.FirstDay(r);
            f[14] = first == int.MaxValue ? float.NaN : day - first;
            f[15] = candidate.PlannedWeek is { } planned ? planned - week : float.NaN;
            f[16] = gap;
            f[17] = activeDaysLog;
            f[18] = Share(course.DayLearners(day, r), dayActive);
            f[19] = Share(course.DayLearners(day - 1, r), previousDayActive);
            f[20] = 0;
            f[21] = 0;
            f[22] = lessonsPerDay;
            f[23] = lastDayLessons;
            f[24] = repeatShare;
            for (var k = 0; k < LessonKinds.Categories.Count; k++)
            {
                f[Base.Length + k] = 0;
            }

            f[Base.Length + LessonKinds.CategoryOf(candidate.Kind)] = 1;
        }

        if (!hasHistory)
        {
            return;
        }

        AddLearnerHistory(learner, course, day, features);
        AddTransitions(learner, course, features);
    }

    private static void AddLearnerHistory(LearnerRankingState learner, CourseRankingStats course, int day, Span<float> features)
    {
        // Recency rank: most recently used first, then most used; slot order breaks the remaining ties.
        Span<int> order = stackalloc int[learner.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        order.Sort((a, b) =>
        {
            var byDay = learner.LastDayAt(b).CompareTo(learner.LastDayAt(a));
            if (byDay != 0)
            {
                return byDay;
            }

            var byClicks = learner.ClicksAt(b).CompareTo(learner.ClicksAt(a));
            return byClicks != 0 ? byClicks : a.CompareTo(b);
        });

        for (var position = 0; position < order.Length; position++)
        {
            var i = order[position];
            var r = course.IndexOf(learner.LessonAt(i));
            if (r < 0)
            {
                continue;
            }

            var f = features.Slice(r * Count, Count);
            f[0] = learner.DaysAt(i);
            f[1] = MathF.Log(1 + learner.ClicksAt(i));
            f[2] = day - learner.LastDayAt(i);
            f[3] = learner.LastDayAt(i) == learner.CurrentDay ? MathF.Log(1 + learner.LastDayClicksAt(i)) : 0;
            f[5] = (float)learner.DaysAt(i) / learner.ActiveDays;
            f[6] = position;
            f[20] = (float)learner.DecayedDaysAt(i, day);
            f[21] = learner.TotalClicks > 0 ? (float)learner.ClicksAt(i) / learner.TotalClicks : 0;
        }

        for (var i = 0; i < learner.PreviousDayCount; i++)
        {
            var r = course.IndexOf(learner.PreviousDayLessonAt(i));
            if (r >= 0)
            {
                features[(r * Count) + 4] = 1;
            }
        }
    }

    private static void AddTransitions(LearnerRankingState learner, CourseRankingStats course, Span<float> features)
    {
        foreach (var i in learner.CurrentDayEntries())
        {
            var source = course.IndexOf(learner.LessonAt(i));
            if (source < 0 || course.TransitionsFrom(source) is not { } row)
            {
                continue;
            }

            // +1 smooths sources seen on few learner-days.
            var denominator = course.TransitionSources(source) + 1f;
            foreach (var (target, count) in row)
            {
                var p = count / denominator;
                var f = features.Slice(target * Count, Count);
                f[12] = Math.Max(f[12], p);
                f[13] += p;
            }
        }
    }

    /// <summary>Lessons of the learner's last active day, and the share of them also used the active day before.</summary>
    private static (float Lessons, float RepeatShare) LastDayShape(LearnerRankingState learner)
    {
        if (learner.CurrentDay == LearnerRankingState.NoDay)
        {
            return (float.NaN, float.NaN);
        }

        int lessons = 0, repeated = 0;
        foreach (var i in learner.CurrentDayEntries())
        {
            lessons++;
            for (var p = 0; p < learner.PreviousDayCount; p++)
            {
                if (string.Equals(learner.PreviousDayLessonAt(p), learner.LessonAt(i), StringComparison.Ordinal))
                {
                    repeated++;
                    break;
                }
            }
        }

        return (lessons, learner.PreviousDay == LearnerRankingState.NoDay || lessons == 0 ? float.NaN : (float)repeated / lessons);
    }

    private static float Share(double part, double whole) => whole > 0 ? (float)(part / whole) : 0;
}
