using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// The ranked at-risk lists a reader computed lately, so repeated reads without new facts cost no
/// scoring. The key names everything the list depends on except the population: the UTC day of
/// <c>asOf</c> (course days are UTC days and the features are those at the start of the day), the model
/// set, the course definition's version and every shard's version; the scored population (enrolment and
/// withdrawal instants compare with <c>asOf</c> itself) is checked entry by entry.
/// </summary>
internal sealed class AtRiskCache(int capacity = 8)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    /// <summary>How many lists were computed rather than served from the cache.</summary>
    public int Computed { get; private set; }

    public static string Key(DateTimeOffset asOf, string modelVersion, int courseVersion, IEnumerable<AnalyticsShardVersion> shards) =>
        string.Join('|', [
            DateOnly.FromDateTime(asOf.UtcDateTime).DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            modelVersion,
            courseVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. shards.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Epoch:N}:{s.Changes}"))]);

    /// <summary>The whole ranking for <paramref name="key"/> and <paramref name="population"/> (learner ids in row order), computed at most once while cached.</summary>
    public IReadOnlyList<AtRiskLearner> GetOrCompute(string key, IReadOnlyList<string> population, Func<IReadOnlyList<AtRiskLearner>> compute)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(compute);
        if (entries.TryGetValue(key, out var entry) && entry.Population.SequenceEqual(population, StringComparer.Ordinal))
        {
            return entry.Ranking;
        }

        var ranking = compute();
        Computed++;
        if (!entries.ContainsKey(key))
        {
            order.Enqueue(key);
            while (order.Count > capacity)
            {
                entries.Remove(order.Dequeue());
            }
        }

        entries[key] = new Entry([.. population], ranking);
        return ranking;
    }

    private sealed record Entry(IReadOnlyList<string> Population, IReadOnlyList<AtRiskLearner> Ranking);
}
