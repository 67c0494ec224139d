using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-trainer-directory")]
internal sealed class TrainerDirectoryGrain(
    [PersistentState("trainerDirectory", StorageNames.Default)] IPersistentState<TrainerDirectoryState> state)
    : Grain, ITrainerDirectoryGrain
{
    public async Task<bool> Add(TrainerProfile trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var trainers = state.State.Trainers;
        var index = IndexOf(trainers, trainer.Id);
        if (index >= 0)
        {
            if (trainers[index] == trainer)
            {
                return true;
            }

            trainers[index] = trainer;
        }
        else
        {
            if (trainers.Count >= ITrainerDirectoryGrain.MaxTrainers)
            {
                return false;
            }

            trainers.Insert(~index, trainer);
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task Remove(string id)
    {
        var index = IndexOf(state.State.Trainers, id);
        if (index < 0)
        {
            return;
        }

        state.State.Trainers.RemoveAt(index);
        await state.WriteStateAsync();
    }

    public Task<TrainerPage> List(int limit, string? afterId)
    {
        var trainers = state.State.Trainers;
        var start = 0;
        if (afterId is not null)
        {
            var index = IndexOf(trainers, afterId);
            start = index >= 0 ? index + 1 : ~index;
        }

        var items = trainers.Skip(start).Take(Math.Max(0, limit)).ToList();
        var next = start + items.Count < trainers.Count && items.Count > 0 ? items[^1].Id : null;
        return Task.FromResult(new TrainerPage(items, next));
    }

    /// <summary>The index of <paramref name="id"/>, or the bitwise complement of where it would go.</summary>
    private static int IndexOf(List<TrainerProfile> trainers, string id)
    {
        int low = 0, high = trainers.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(trainers[middle].Id, id);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
