namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Answers of one fold of training learners, subtracted from <see cref="KtPriors"/> while that fold's
/// training rows are built (out-of-fold target encoding): a test learner's answers are never in the
/// item table, so a training learner's must not be either. Folds rather than leave-one-learner-out,
/// because with one learner removed the item rate becomes an exact function of the removed answer
/// ((sum − y) / (n − 1)) and the trees learn that inverted signal on rarely seen items.
/// </summary>
public sealed class HeldOutCounts
{
    public KtCount Global { get; } = new();

    public Dictionary<string, KtCount> Skills { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KtCount> Items { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KtCount> Transitions { get; } = new(StringComparer.Ordinal);

    internal void Add(KtInteraction? previous, KtInteraction interaction)
    {
        if (previous is { } p)
        {
            foreach (var before in p.Skills)
            {
                foreach (var skill in interaction.Skills)
                {
                    Get(Transitions, KtPriors.TransitionKey(before, p.Correct, skill)).Add(interaction.Correct);
                }
            }
        }
        Global.Add(interaction.Correct);
        Get(Items, interaction.Item).Add(interaction.Correct);
        foreach (var skill in interaction.Skills) Get(Skills, skill).Add(interaction.Correct);
    }

    private static KtCount Get(Dictionary<string, KtCount> counts, string key)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            count = new KtCount();
            counts[key] = count;
        }
        return count;
    }
}
