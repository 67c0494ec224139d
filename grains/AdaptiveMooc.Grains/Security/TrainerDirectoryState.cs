using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.TrainerDirectoryState")]
internal sealed class TrainerDirectoryState
{
    /// <summary>Sorted by id (ordinal), so paging by id is a binary search.</summary>
    [Id(0)] public List<TrainerProfile> Trainers { get; set; } = [];
}
