using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// OULAD's scored assessment submissions as knowledge-tracing answers: the only shippable
/// (CC BY) data with graded answers in time order (ASSISTments may not be shipped). Each own,
/// non-banked, scored submission becomes an <see cref="LearningVerb.Answered"/> event: item =
/// <c>assessment-{id}</c>, skill = module and assessment type (<c>oulad-bbb-tma</c>: tutor-marked
/// and computer-marked work of a module test different things), correct = score ≥ the OU pass mark.
/// What transfers to platform skills is the classifier over generic history features (own success
/// rate, streaks, recency, BKT with the pooled parameters); OULAD item and skill ids never match a
/// platform id, so for platform items the priors fall back to the global rate.
/// </summary>
public static class OuladAnswers
{
    public static IReadOnlyList<LearningEvent> Events(OuladDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var result = new List<LearningEvent>();
        foreach (var presentation in dataset.Presentations)
        {
            var types = dataset.AssessmentsOf(presentation).ToDictionary(a => a.Id, a => a.Type);
            var skills = types.Values.Distinct(StringComparer.Ordinal).ToDictionary(
                t => t, t => (IReadOnlyList<string>)[$"oulad-{presentation.Module}-{t}".ToLowerInvariant()], StringComparer.Ordinal);
            foreach (var s in dataset.SubmissionsOf(presentation))
            {
                if (s.IsBanked || s.Score is not { } score || !types.TryGetValue(s.AssessmentId, out var type))
                {
                    continue;
                }

                result.Add(new LearningEvent(
                    s.StudentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    presentation.CourseId,
                    OuladCalendar.AssessmentLessonId(s.AssessmentId),
                    OuladCalendar.AssessmentLessonId(s.AssessmentId),
                    LearningVerb.Answered,
                    presentation.StartDate.AddDays(s.DaySubmitted),
                    score >= OuladDataset.PassScore,
                    score / 100.0,
                    null,
                    skills[type]));
            }
        }

        return result;
    }
}
