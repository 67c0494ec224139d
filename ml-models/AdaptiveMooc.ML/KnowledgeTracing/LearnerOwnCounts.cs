namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// One training learner's own answers, subtracted from <see cref="KtPriors"/> while that learner's
/// training rows are built (leave-one-learner-out target encoding): a test learner's answers are never
/// in the item table, so a training learner's must not be either, or the model learns to trust item
/// rates that contain the answer it is asked to predict.
/// </summary>
public sealed class LearnerOwnCounts
{
    public KtCount Global { get; } = new();

    public Dictionary<string, KtCount> Skills { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KtCount> Items { get; } = new(StringComparer.Ordinal);

    internal void Add(KtInteraction interaction)
    {
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
