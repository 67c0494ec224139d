using AdaptiveMooc.Grains.Abstractions.Models;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// The models this silo serves. <see cref="Current"/> is an immutable set swapped atomically when the
/// model folder changes: read it once per request and use that one set throughout.
/// </summary>
public interface IModelCatalog
{
    ModelSet Current { get; }

    ModelCatalogStatus Status { get; }
}
