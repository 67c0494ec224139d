using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>Reads the model catalog of the silo it runs on (use key 0); <c>/health</c> asks it.</summary>
[Alias("mooc.IModelStatusGrain")]
public interface IModelStatusGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("GetStatus")]
    Task<ModelCatalogStatus> GetStatus();
}
