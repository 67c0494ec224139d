using AdaptiveMooc.Grains.Abstractions.Models;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Models;

/// <summary>Answers the local silo's catalog status; stateless, so any silo answers for itself.</summary>
[StatelessWorker]
[GrainType("model-status")]
internal sealed class ModelStatusGrain(IModelCatalog catalog) : Grain, IModelStatusGrain
{
    public Task<ModelCatalogStatus> GetStatus() => Task.FromResult(catalog.Status);
}
