using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// The list of trainer accounts for admins, in id order. Trainers are created by admins only, so the list
/// is small and capped (<see cref="MaxTrainers"/>); sign-in never goes through it.
/// </summary>
[Alias("mooc.security.ITrainerDirectoryGrain")]
public interface ITrainerDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "all";
    public const int MaxTrainers = 20_000;

    /// <summary>Adds or refreshes a trainer (idempotent); false when the directory is full.</summary>
    [Alias("Add")]
    Task<bool> Add(TrainerProfile trainer);

    /// <summary>Drops a trainer (e.g. a deleted account); nothing when absent.</summary>
    [Alias("Remove")]
    Task Remove(string id);

    /// <summary>Trainers in id order after <paramref name="afterId"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<TrainerPage> List(int limit, string? afterId);
}
