using System.Globalization;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// OULAD presentations as ranking courses: the candidates are the presentation's VLE resources
/// (vle.csv: <c>activity_type</c> as kind, <c>week_from</c> as planned week), plus any clicked resource
/// vle.csv does not list; the events are the adapter's click events (Verb Experienced, one per day and
/// resource). Submissions are left out: the protocol's active days are days with clicks.
/// </summary>
public static class OuladRankingCourses
{
    public static async Task<IReadOnlyList<RankingCourseData>> LoadAsync(
        OuladDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var planned = ReadResources(dataset.Directory);
        var courses = new List<RankingCourseData>();
        foreach (var presentation in dataset.Presentations)
        {
            var histories = await dataset.HistoriesAsync(presentation, cancellationToken);
            var events = histories
                .SelectMany(h => h.Events)
                .Where(e => e.Verb == LearningVerb.Experienced && e.LessonId is not null)
                .ToList();
            var candidates = planned.TryGetValue(presentation.Key, out var listed) ? new List<RankingCandidate>(listed) : [];
            var known = candidates.Select(c => c.LessonId).ToHashSet(StringComparer.Ordinal);
            foreach (var lesson in events.Select(e => e.LessonId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (known.Add(lesson))
                {
                    candidates.Add(new RankingCandidate(lesson, "other"));
                }
            }

            courses.Add(new RankingCourseData(presentation.CourseId, candidates, presentation.StartDate, events));
        }

        return courses;
    }

    private static Dictionary<string, List<RankingCandidate>> ReadResources(string directory)
    {
        var byPresentation = new Dictionary<string, List<RankingCandidate>>(StringComparer.Ordinal);
        foreach (var row in OuladCsv.Rows(directory, "vle"))
        {
            var key = row.Text("code_module") + "-" + row.Text("code_presentation");
            if (!byPresentation.TryGetValue(key, out var list))
            {
                list = [];
                byPresentation[key] = list;
            }

            list.Add(new RankingCandidate(
                row.RequiredInt("id_site").ToString(CultureInfo.InvariantCulture),
                row.Text("activity_type").Trim(),
                row.Int("week_from")));
        }

        return byPresentation;
    }
}
