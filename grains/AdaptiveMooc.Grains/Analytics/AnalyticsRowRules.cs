using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>How a fact folds into a row: first timestamps (min), per-day first/last (min/max), attempts deduplicated by statement id.</summary>
internal static class AnalyticsRowRules
{
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

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
