using AdaptiveMooc.Grains.Abstractions.Models;

namespace AdaptiveMooc.Grains.Models;

/// <summary>A catalog that always serves one set, built in memory (tests, tools): no folder, no reload.</summary>
public sealed class FixedModelCatalog(ModelSet set) : IModelCatalog
{
    public ModelSet Current { get; } = set ?? throw new ArgumentNullException(nameof(set));

    public ModelCatalogStatus Status { get; } = new(
        set.Loaded.Count > 0 ? ModelCatalogStatus.Ready : ModelCatalogStatus.Unavailable,
        set.Version,
        null,
        set.Loaded,
        set.Loaded.Count > 0 ? null : "in-memory set without trained models: cold-start priors serve",
        null,
        null,
        null,
        null);
}
