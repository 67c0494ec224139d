using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// Fits the simulation's skills from answered events (e.g. ASSISTments through
/// <see cref="KnowledgeTracing.KtDatasetAdapter"/>): per skill, the answers of each learner on items
/// tagged with it, in order (a multi-skill item counts for each of its skills, as BKT reads it);
/// <see cref="ItemBktFitter"/> on those. Only items with at least <paramref name="minItemAnswers"/>
/// answers enter a skill's pool (their rates are measured, not assumed), and only skills with at least
/// <paramref name="minItems"/> such items are kept (practice needs a choice).
/// </summary>
public static class PracticeModelFit
{
    public static IReadOnlyList<PracticeSkill> Fit(IEnumerable<LearningEvent> events, int minItemAnswers = 20, int minItems = 10)
    {
        ArgumentNullException.ThrowIfNull(events);
        var bySkill = new Dictionary<string, Dictionary<string, List<(string Item, bool Correct)>>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Verb != LearningVerb.Answered || e.Success is not { } correct || e.ItemId is null)
            {
                continue;
            }

            foreach (var skill in e.Skills)
            {
                if (!bySkill.TryGetValue(skill, out var learners))
                {
                    learners = new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
                    bySkill[skill] = learners;
                }

                if (!learners.TryGetValue(e.LearnerId, out var answers))
                {
                    answers = [];
                    learners[e.LearnerId] = answers;
                }

                answers.Add((e.ItemId, correct));
            }
        }

        var skills = new List<PracticeSkill>();
        foreach (var (skill, learners) in bySkill.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var counts = learners.Values.SelectMany(a => a).GroupBy(a => a.Item, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var items = counts.Keys.Order(StringComparer.Ordinal).ToList();
            if (counts.Values.Count(c => c >= minItemAnswers) < minItems)
            {
                continue;
            }

            var index = items.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var sequences = learners.Values.Select(a => (IReadOnlyList<(int, bool)>)a.Select(x => (index[x.Item], x.Correct)).ToList()).ToList();
            var (init, learn, guess, slip, itemLearn) = ItemBktFitter.Fit(sequences, items.Count);
            var pool = items
                .Where(id => counts[id] >= minItemAnswers)
                .Select(id => new PracticeItem(id, guess[index[id]], slip[index[id]], itemLearn[index[id]], counts[id]))
                .ToList();
            skills.Add(new PracticeSkill(skill, init, learn, learners.Count, pool));
        }

        return skills;
    }
}
