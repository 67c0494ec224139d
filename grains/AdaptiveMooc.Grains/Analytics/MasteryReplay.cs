using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Learners;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Knowledge tracing over a learner's statements about a course in sequence order, applied exactly as the
/// learner grain's online model applies them (<see cref="LearnerModelStates"/>): what a shard uses to
/// recover the mastery after each answer when it catches up from the store, since a statement read back
/// from the store carries no mastery. Statements must come grouped by learner, each learner's in sequence order.
/// </summary>
internal sealed class MasteryReplay(KnowledgeTracingModel model)
{
    private string? learnerId;
    private LearnerKnowledgeState knowledge = new();

    /// <summary>Mastery of <paramref name="skills"/> now, rounded as learner progress shows it.</summary>
    public static IReadOnlyDictionary<string, double> Of(KnowledgeTracingModel model, LearnerKnowledgeState knowledge, IReadOnlyList<string> skills)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.MasteryBySkill(knowledge, skills).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4), StringComparer.Ordinal);
    }

    /// <summary>Applies the next statement; returns the mastery of its skills when it is a graded answer, else null.</summary>
    public IReadOnlyDictionary<string, double>? Apply(StoredStatement stored, string courseId, IReadOnlyDictionary<string, LessonDefinition> lessons)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var statement = stored.Statement;
        if (!string.Equals(statement.LearnerId, learnerId, StringComparison.Ordinal))
        {
            learnerId = statement.LearnerId;
            knowledge = new LearnerKnowledgeState();
        }

        if (ProgressRules.ToLearningEvent(statement, courseId, lessons) is not { } learningEvent)
        {
            return null;
        }

        var outcome = ProgressRules.Outcome(learningEvent);
        model.Apply(knowledge, outcome is { } correct ? learningEvent with { Verb = LearningVerb.Answered, Success = correct } : learningEvent);
        return outcome is not null && learningEvent.Skills.Count > 0 ? Of(model, knowledge, learningEvent.Skills) : null;
    }
}
