using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Learners;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// What the learner grain tells its course's analytics shard. Called from the learner grain's turn, so
/// the calls of one learner arrive in order; each goes to the learner's own shard, so the load spreads
/// over <see cref="AnalyticsShards.Count"/> grains per course.
/// </summary>
internal static class AnalyticsFeed
{
    /// <summary>A statement the learner grain applied, about a course that exists.</summary>
    public static Task Statement(IGrainFactory grains, StoredStatement stored, IReadOnlyDictionary<string, LessonDefinition> lessons)
    {
        var statement = stored.Statement;
        if (statement.CourseId is not { } courseId)
        {
            return Task.CompletedTask;
        }

        var learningEvent = ProgressRules.ToLearningEvent(statement, courseId, lessons);
        var fact = new AnalyticsFact(
            statement.Id,
            statement.LearnerId,
            courseId,
            statement.Timestamp,
            learningEvent?.LessonId,
            learningEvent is { ItemId: null } && (learningEvent.Verb is LearningVerb.Completed or LearningVerb.Passed || statement.Completion == true),
            learningEvent is { ItemId: null } ? statement.ScoreScaled : null,
            learningEvent is null ? null : Outcome(learningEvent),
            learningEvent?.Skills ?? [],
            learningEvent?.Verb.ToString(),
            learningEvent?.Success,
            learningEvent?.ScoreScaled,
            learningEvent is null ? 1 : Math.Max(learningEvent.Count, InteractionCount.Of(statement)));
        return Guarded(grains.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.KeyOf(courseId, statement.LearnerId)).Apply(fact), courseId);
    }

    /// <summary>An enrolment as it now stands (after enrolling or withdrawing).</summary>
    public static Task Enrolment(IGrainFactory grains, string learnerId, Enrolment enrolment) =>
        Guarded(
            grains.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.KeyOf(enrolment.CourseId, learnerId))
                .SetEnrolment(learnerId, enrolment.EnrolledAt, enrolment.WithdrawnAt),
            enrolment.CourseId);

    /// <summary>
    /// Analytics must never fail the learner's own work: the statement is durable and progress applied
    /// whatever happens here. A lost fact leaves the shard behind (docs/ANALYTICS.md, known limits).
    /// </summary>
    private static async Task Guarded(Task call, string courseId)
    {
        try
        {
            await call;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            System.Diagnostics.Trace.TraceWarning("Analytics of course {0} missed an update: {1}", courseId, exception.Message);
        }
    }

    /// <summary>The same outcome rule as progress mastery (ProgressRules), so analytics mastery matches learner progress.</summary>
    private static bool? Outcome(LearningEvent e) => e.Verb switch
    {
        LearningVerb.Passed => e.Success ?? true,
        LearningVerb.Failed => e.Success ?? false,
        _ when e.Success is { } success => success,
        _ when e.ScoreScaled is { } score => score >= 0.5,
        _ => null,
    };
}
