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
    /// <summary>
    /// A statement the learner grain applied, about a course that exists. <paramref name="previousSequence"/>
    /// is the sequence of the learner's previous statement about that course sent here (0 if none);
    /// <paramref name="enrolment"/> the learner's enrolment in it now (null if not enrolled).
    /// <paramref name="masteryOf"/> gives the learner's knowledge-tracing mastery of some skills now (after
    /// this statement's update); it is asked only for graded facts.
    /// </summary>
    public static Task Statement(
        IGrainFactory grains,
        StoredStatement stored,
        long previousSequence,
        Enrolment? enrolment,
        IReadOnlyDictionary<string, LessonDefinition> lessons,
        Func<IReadOnlyList<string>, IReadOnlyDictionary<string, double>>? masteryOf = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Statement.CourseId is not { } courseId)
        {
            return Task.CompletedTask;
        }

        var fact = FactOf(stored, courseId, lessons, masteryOf) with { PreviousSequence = previousSequence, Enrolment = enrolment is null ? null : Of(enrolment) };
        return Guarded(grains.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.KeyOf(courseId, fact.LearnerId)).Apply(fact), courseId);
    }

    /// <summary>What analytics keep of a stored statement about <paramref name="courseId"/> (also when a shard reads it back from the store).</summary>
    public static AnalyticsFact FactOf(
        StoredStatement stored,
        string courseId,
        IReadOnlyDictionary<string, LessonDefinition> lessons,
        Func<IReadOnlyList<string>, IReadOnlyDictionary<string, double>>? masteryOf)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var statement = stored.Statement;
        var learningEvent = ProgressRules.ToLearningEvent(statement, courseId, lessons);
        var outcome = learningEvent is null ? null : Outcome(learningEvent);
        var mastery = outcome is not null && learningEvent!.Skills.Count > 0 ? masteryOf?.Invoke(learningEvent.Skills) : null;
        return new AnalyticsFact(
            statement.Id,
            statement.LearnerId,
            courseId,
            statement.Timestamp,
            learningEvent?.LessonId,
            learningEvent is { ItemId: null } && (learningEvent.Verb is LearningVerb.Completed or LearningVerb.Passed
                || ProgressRules.CompletionOf(statement, lessons[learningEvent.LessonId!])),
            learningEvent is { ItemId: null } ? learningEvent.ScoreScaled : null,
            outcome,
            learningEvent?.Skills ?? [],
            learningEvent?.Verb.ToString(),
            learningEvent?.Success,
            learningEvent?.ScoreScaled,
            learningEvent is null ? 1 : Math.Max(learningEvent.Count, InteractionCount.Of(statement)),
            stored.Sequence,
            mastery);
    }

    /// <summary>An enrolment as it now stands (after enrolling or withdrawing).</summary>
    public static Task Enrolment(IGrainFactory grains, string learnerId, Enrolment enrolment) =>
        Guarded(
            grains.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.KeyOf(enrolment.CourseId, learnerId))
                .SetEnrolment(learnerId, Of(enrolment)),
            enrolment.CourseId);

    private static AnalyticsEnrolment Of(Enrolment enrolment) => new(enrolment.EnrolledAt, enrolment.WithdrawnAt, enrolment.WeeklyStudyHours);

    /// <summary>
    /// Analytics must never fail the learner's own work: the statement is durable and progress applied
    /// whatever happens here. A fact lost here comes back from the store when the learner's next fact about
    /// the course reaches the shard (it carries the previous sequence, so the row sees the gap) or when the
    /// shard next activates (docs/ANALYTICS.md, known limits). An enrolment change lost here comes with the
    /// learner's next fact about the course, which carries the enrolment as the learner grain holds it.
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

    /// <summary>The outcome rule of progress and of knowledge tracing in the learner grain, so the facts graded here are the answers it traced.</summary>
    private static bool? Outcome(LearningEvent e) => ProgressRules.Outcome(e);
}
