using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.Grains.Models;

/// <summary>Lesson minutes for one learner: the pacing model's estimate when one serves, the declared minutes otherwise.</summary>
public static class PacingMinutes
{
    public static Func<LessonDefinition, int> For(ModelSet models, LearnerModelView? learner)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Pacing is not { } pacing)
        {
            return lesson => lesson.Minutes;
        }

        var state = new LearnerPacingState { TimedLessons = learner?.TimedLessons ?? 0, LogRatioSum = learner?.LogRatioSum ?? 0 };

        // Rounded up: a plan that under-books a lesson by a minute splits it over a session for nothing.
        return lesson =>
        {
            GrainMetrics.ModelPredictions.Add(1, new KeyValuePair<string, object?>("model", ModelSet.PacingName));
            return Math.Max(1, (int)Math.Ceiling(pacing.EstimateMinutes(state, lesson.Minutes) - 1e-9));
        };
    }
}
