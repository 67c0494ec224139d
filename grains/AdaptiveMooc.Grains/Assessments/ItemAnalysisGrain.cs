using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>A course's item statistics: constant-size sums per bank item, whatever the number of learners.</summary>
[GrainType("item-analysis")]
internal sealed class ItemAnalysisGrain(
    [PersistentState("item-analysis", StorageNames.Default)] IPersistentState<ItemAnalysisState> state) : Grain, IItemAnalysisGrain
{
    public async Task Record(IReadOnlyList<ItemOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            if (!state.State.Items.TryGetValue(outcome.ItemId, out var sums))
            {
                state.State.Items[outcome.ItemId] = sums = new ItemSums();
            }

            ItemAnalysis.Add(sums, outcome);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ItemStatistics>> Get() =>
        Task.FromResult<IReadOnlyList<ItemStatistics>>([.. state.State.Items
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => ItemAnalysis.Of(kv.Key, kv.Value))]);
}
