using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>How a fact folds into a row: first timestamps (min), per-day first/last (min/max), attempts deduplicated by statement id.</summary>
internal static class AnalyticsRowRules
{
    /// <summary>
    /// Applies a fact unless the row already holds its statement (its sequence is at or below
    /// <see cref="LearnerAnalyticsRow.LastSequence"/>); either way merges the mastery it carries, since a
    /// statement read back from the store (no mastery) may have reached the row before the learner grain
    /// sent it with its mastery. True when the row changed.
    /// </summary>
    public static bool Accept(LearnerAnalyticsRow row, AnalyticsFact fact)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(fact);

        // Analytics count a learner only while enrolled and not before the enrolment (issue 16): a fact
        // outside the enrolment moves the row's sequence on and changes nothing else.
        var counts = Learners.ProgressRules.FeedsCourseModels(fact.Enrolment?.EnrolledAt ?? row.EnrolledAt, fact.Timestamp);
        var merged = counts && fact.Mastery is { Count: > 0 } mastery && MergeMastery(row, fact.Sequence, fact.Timestamp, mastery);
        if (fact.Sequence <= row.LastSequence)
        {
            return merged;
        }

        if (counts)
        {
            Apply(row, fact);
        }

        row.LastSequence = fact.Sequence;
        return true;
    }

    /// <summary>
    /// Records the mastery after answer <paramref name="sequence"/>, keyed by that sequence (so merging it
    /// again changes nothing) and keeping the <see cref="LearnerAnalyticsRow.MaxMasteryPoints"/> latest by
    /// timestamp per skill. True when the row changed.
    /// </summary>
    public static bool MergeMastery(LearnerAnalyticsRow row, long sequence, DateTimeOffset timestamp, IReadOnlyDictionary<string, double> mastery)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(mastery);
        var changed = false;
        foreach (var (skill, value) in mastery)
        {
            if (!row.Mastery.TryGetValue(skill, out var points))
            {
                row.Mastery[skill] = points = [];
            }

            var point = new MasteryPoint(sequence, timestamp, value);
            var index = points.FindIndex(p => p.Sequence == sequence);
            if (index >= 0)
            {
                changed |= points[index] != point;
                points[index] = point;
                continue;
            }

            points.Add(point);
            points.Sort(ByTime);
            if (points.Count > LearnerAnalyticsRow.MaxMasteryPoints)
            {
                var dropped = points[0];
                points.RemoveAt(0);
                changed |= dropped.Sequence != sequence;
                continue;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>The latest point timestamped before <paramref name="asOf"/> (ties: the later answer), null when none is retained.</summary>
    public static MasteryPoint? MasteryBefore(List<MasteryPoint> points, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(points);
        for (var i = points.Count - 1; i >= 0; i--)
        {
            if (points[i].Timestamp < asOf)
            {
                return points[i];
            }
        }

        return null;
    }

    public static void Apply(LearnerAnalyticsRow row, AnalyticsFact fact)
    {
        var day = DateOnly.FromDateTime(fact.Timestamp.UtcDateTime).DayNumber;
        row.Days[day] = row.Days.TryGetValue(day, out var activity)
            ? new DayActivity(Min(activity.First, fact.Timestamp), Max(activity.Last, fact.Timestamp))
            : new DayActivity(fact.Timestamp, fact.Timestamp);
        while (row.Days.Count > LearnerAnalyticsRow.MaxDays)
        {
            row.Days.Remove(row.Days.Keys.First());
        }

        if (fact.LessonId is not { } lessonId)
        {
            return;
        }

        if (fact.Verb is { } verb)
        {
            Risk(row, fact, lessonId, verb, day);
        }

        First(row.Started, lessonId, fact.Timestamp);
        if (fact.Completes)
        {
            First(row.Completed, lessonId, fact.Timestamp);
        }

        if (fact.Score is { } score)
        {
            if (!row.Scores.TryGetValue(lessonId, out var attempts))
            {
                row.Scores[lessonId] = attempts = [];
            }

            if (attempts.TrueForAll(a => a.StatementId != fact.StatementId))
            {
                attempts.Add(new ScoredAttempt(fact.StatementId, fact.Timestamp, score));
                attempts.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
                if (attempts.Count > LearnerAnalyticsRow.MaxAttempts)
                {
                    attempts.RemoveAt(0);
                }
            }
        }

        if (fact.Outcome is { } correct)
        {
            foreach (var skill in fact.Skills)
            {
                row.SkillAttempts[skill] = row.SkillAttempts.GetValueOrDefault(skill) + 1;
                row.SkillCorrect[skill] = row.SkillCorrect.GetValueOrDefault(skill) + (correct ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// What the risk features replay: graded verbs whole (whether they are submissions depends on the
    /// course's assessments when scoring), every other learning event as a count on its UTC day.
    /// </summary>
    private static void Risk(LearnerAnalyticsRow row, AnalyticsFact fact, string lessonId, string verb, int day)
    {
        if (verb is not (nameof(LearningVerb.Completed) or nameof(LearningVerb.Passed) or nameof(LearningVerb.Failed)))
        {
            AddActivity(row, day, fact.Count);
            return;
        }

        if (!row.Graded.TryGetValue(lessonId, out var attempts))
        {
            row.Graded[lessonId] = attempts = [];
        }

        if (attempts.Exists(a => a.StatementId == fact.StatementId))
        {
            return;
        }

        attempts.Add(new GradedAttempt(fact.StatementId, fact.Timestamp, verb, fact.Success, fact.ScoreScaled));
        attempts.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        if (attempts.Count > LearnerAnalyticsRow.MaxAttempts)
        {
            // Still activity on its day, so the click features lose nothing; only a submission count beyond the cap is lost.
            AddActivity(row, DateOnly.FromDateTime(attempts[0].Timestamp.UtcDateTime).DayNumber, 1);
            attempts.RemoveAt(0);
        }
    }

    private static void AddActivity(LearnerAnalyticsRow row, int day, int count)
    {
        row.Activity[day] = row.Activity.GetValueOrDefault(day) + Math.Max(1, count);
        while (row.Activity.Count > LearnerAnalyticsRow.MaxDays)
        {
            row.Activity.Remove(row.Activity.Keys.First());
        }
    }

    private static void First(Dictionary<string, DateTimeOffset> firsts, string lessonId, DateTimeOffset timestamp)
    {
        if (!firsts.TryGetValue(lessonId, out var existing) || timestamp < existing)
        {
            firsts[lessonId] = timestamp;
        }
    }

    private static int ByTime(MasteryPoint a, MasteryPoint b)
    {
        var byTimestamp = a.Timestamp.CompareTo(b.Timestamp);
        return byTimestamp != 0 ? byTimestamp : a.Sequence.CompareTo(b.Sequence);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
