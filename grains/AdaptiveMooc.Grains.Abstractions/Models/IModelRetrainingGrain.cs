using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>
/// The cluster's retraining loop (use key 0): a weekly reminder (Mooc:Retraining) or an admin starts a run
/// that retrains the five models from the stored statements, judges each against the serving one on a time
/// split, and promotes the ones not worse into a new serving set; the registry keeps every decision.
/// </summary>
[Alias("mooc.IModelRetrainingGrain")]
public interface IModelRetrainingGrain : IGrainWithIntegerKey
{
    /// <summary>Starts a run in the background unless one is running anywhere in the cluster.</summary>
    [Alias("Start")]
    Task<RetrainingStart> Start(RetrainingRequest request);

    [ReadOnly]
    [Alias("GetRegistry")]
    Task<ModelRegistryView> GetRegistry(int limit);

    /// <summary>Serves the set that served before the current one again.</summary>
    [Alias("Rollback")]
    Task<ModelRollback> Rollback(string requestedBy);

    /// <summary>Registers (or, when Mooc:Retraining:Enabled is false, removes) the reminder; the silos call it at start.</summary>
    [Alias("EnsureSchedule")]
    Task EnsureSchedule();
}
