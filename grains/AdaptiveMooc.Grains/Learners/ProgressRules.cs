using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// The progress definitions of docs/API.md, as pure functions so grain and tests share them. Every
/// rule is order-independent (set union, sum, max, counts), so statements replayed in any order, or
/// with timestamps out of order, give the same progress.
/// </summary>
internal static class ProgressRules
{
    /// <summary>ADL verbs by name; the xAPI video profile's played, paused and seeked (and ADL interacted) are engagement, as experienced.</summary>
    public static LearningVerb VerbOf(string verbIri) =>
        XapiVideo.IsEngagement(verbIri) ? LearningVerb.Experienced
        : verbIri.StartsWith(XapiVerbs.Prefix, StringComparison.Ordinal)
        && Enum.TryParse<LearningVerb>(verbIri[XapiVerbs.Prefix.Length..], ignoreCase: true, out var verb)
        && verb != LearningVerb.Other
            ? verb
            : LearningVerb.Other;

    /// <summary>The learning event of a statement about a known lesson or item; null for anything the course does not hold.</summary>
    public static LearningEvent? ToLearningEvent(StatementRecord statement, string courseId, IReadOnlyDictionary<string, LessonDefinition> lessons)
    {
        if (statement.LessonId is null || !lessons.TryGetValue(statement.LessonId, out var lesson))
        {
            return null;
        }

        IReadOnlyList<string> skills = lesson.Skills ?? [];
        if (statement.ItemId is { } itemId)
        {
            var item = lesson.Items?.FirstOrDefault(i => i.Id == itemId);
            if (item is not null)
            {
                skills = item.Skills is { Count: > 0 } itemSkills ? itemSkills : skills;
            }
            else if (statement.FromGrader && Assessments.AssessmentStatements.SkillsOf(statement.Json) is { Count: > 0 } stated)
            {
                // An item drawn from the question bank is not listed on the lesson: a grader (the platform's
                // own attempts, docs/ASSESSMENTS.md) names its skills in the statement's context.
                var courseSkills = lessons.Values.SelectMany(l => (l.Skills ?? []).Concat((l.Items ?? []).SelectMany(i => i.Skills ?? []))).ToHashSet(StringComparer.Ordinal);
                skills = [.. stated.Where(courseSkills.Contains)];
            }
            else
            {
                return null;
            }
        }

        var verb = VerbOf(statement.Verb);
        if (verb == LearningVerb.Completed && statement.Completion == false)
        {
            // "completed" saying it is not complete (a video watched below the completion share): progress, not completion.
            verb = LearningVerb.Progressed;
        }

        var success = statement.Success;
        var score = statement.ScoreScaled;
        if (!statement.FromGrader)
        {
            // A source that may not grade (a learner's own token) reports activity, never a result: no
            // success or score reaches mastery or analytics, and on a quiz, an assignment or an item no
            // verb completes or passes. Judged here, when the statement is read, so a lesson added or
            // turned into a quiz after the statement was stored is judged as it is now.
            var graded = statement.ItemId is not null || LessonKinds.CompletedByGrader(lesson.Kind);
            (verb, success, score) = GradeSource.Ungraded(verb, graded);
        }

        return new LearningEvent(
            statement.LearnerId, courseId, lesson.Id, statement.ItemId, verb, statement.Timestamp,
            success, score, statement.Duration, skills);
    }

    /// <summary>
    /// Whether <c>result.completion</c> completes the lesson: always from a grader; from anyone else only on
    /// lessons that are not graded (a learner does not complete their own quiz).
    /// </summary>
    public static bool CompletionOf(StatementRecord statement, LessonDefinition? lesson)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.Completion == true
            && (statement.FromGrader || (statement.ItemId is null && lesson is not null && !LessonKinds.CompletedByGrader(lesson.Kind)));
    }

    /// <summary>Statements this long before the enrolment still count for course models (clock skew between clients).</summary>
    public static readonly TimeSpan EnrolmentSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a statement about a course feeds its models (the learner's knowledge tracing, pacing and
    /// ranking states, the course ranking, analytics): only while the learner is enrolled, and only when it
    /// is not timestamped before the enrolment. Progress (completion, minutes) keeps every statement.
    /// </summary>
    public static bool FeedsCourseModels(DateTimeOffset? enrolledAt, DateTimeOffset timestamp) =>
        enrolledAt is { } at && timestamp >= at - EnrolmentSkew;

    public static void Apply(CourseProgressState progress, LearningEvent learningEvent, bool completion)
    {
        progress.StatementCount++;
        if (progress.LastActivity is null || learningEvent.Timestamp > progress.LastActivity)
        {
            progress.LastActivity = learningEvent.Timestamp;
        }

        if (learningEvent.Duration is { } duration && duration > TimeSpan.Zero)
        {
            progress.MillisecondsSpent += (long)duration.TotalMilliseconds;
        }

        if (learningEvent.LessonId is not { } lessonId)
        {
            return;
        }

        progress.Started.Add(lessonId);
        var completes = learningEvent.ItemId is null
            && (learningEvent.Verb is LearningVerb.Completed or LearningVerb.Passed || completion);
        if (completes)
        {
            progress.Completed.Add(lessonId);
        }

        if (Outcome(learningEvent) is { } correct)
        {
            foreach (var skill in learningEvent.Skills)
            {
                progress.SkillAttempts[skill] = progress.SkillAttempts.GetValueOrDefault(skill) + 1;
                progress.SkillCorrect[skill] = progress.SkillCorrect.GetValueOrDefault(skill) + (correct ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// Keeps the best scaled score of a quiz or assignment lesson, as the certificate rule reads it: only
    /// statements about the lesson itself (not its items); a <c>passed</c> without a score counts 1.
    /// </summary>
    public static void ApplyBestScore(CourseProgressState progress, LearningEvent learningEvent, LessonDefinition lesson)
    {
        if (learningEvent.ItemId is not null || lesson.Kind is not (LessonKinds.Quiz or LessonKinds.Assignment))
        {
            return;
        }

        var score = learningEvent.ScoreScaled ?? (learningEvent.Verb == LearningVerb.Passed ? 1.0 : null);
        if (score is { } value && (!progress.BestScores.TryGetValue(lesson.Id, out var best) || value > best))
        {
            progress.BestScores[lesson.Id] = value;
        }
    }

    /// <summary>Course-level activities (webinars, forum posts) count as activity but start no lesson.</summary>
    public static void ApplyCourseActivity(CourseProgressState progress, DateTimeOffset timestamp, TimeSpan? duration)
    {
        progress.StatementCount++;
        if (progress.LastActivity is null || timestamp > progress.LastActivity)
        {
            progress.LastActivity = timestamp;
        }

        if (duration is { } d && d > TimeSpan.Zero)
        {
            progress.MillisecondsSpent += (long)d.TotalMilliseconds;
        }
    }

    /// <param name="mastery">The learner model's mastery per skill (knowledge tracing); null falls back to the Laplace-smoothed success rate.</param>
    public static CourseProgress ToProgress(string courseId, CourseProgressState progress, CourseDefinition? course, IReadOnlyDictionary<string, double>? mastery = null)
    {
        var lessons = course?.AllLessons().ToList() ?? [];
        var required = lessons.Where(l => l.Required).Select(l => l.Id).ToList();

        // A course without required lessons counts all of them, so percentComplete still means something.
        var counted = required.Count > 0 ? required : lessons.Select(l => l.Id).ToList();
        var done = counted.Count(progress.Completed.Contains);
        var percent = counted.Count == 0 ? 0 : Math.Round(100.0 * done / counted.Count, 2);
        var order = lessons.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        mastery ??= progress.SkillAttempts.ToDictionary(
            kv => kv.Key,
            kv => Math.Round((progress.SkillCorrect.GetValueOrDefault(kv.Key) + 1.0) / (kv.Value + 2.0), 4),
            StringComparer.Ordinal);
        return new CourseProgress(
            courseId,
            [.. progress.Completed.OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ThenBy(id => id, StringComparer.Ordinal)],
            percent,
            Math.Round(progress.MillisecondsSpent / 60_000.0, 2),
            mastery,
            progress.LastActivity,
            [.. progress.Started.OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ThenBy(id => id, StringComparer.Ordinal)],
            counted.Count > 0 && done == counted.Count,
            progress.StatementCount);
    }

    /// <summary>The graded outcome of an event (correct or not), or null when it carries none.</summary>
    public static bool? Outcome(LearningEvent e) => e.Verb switch
    {
        LearningVerb.Passed => e.Success ?? true,
        LearningVerb.Failed => e.Success ?? false,
        _ when e.Success is { } success => success,
        _ when e.ScoreScaled is { } score => score >= 0.5,
        _ => null,
    };
}
