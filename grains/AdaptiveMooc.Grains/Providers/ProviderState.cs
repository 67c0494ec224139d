using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

[GenerateSerializer]
[Alias("mooc.ProviderState")]
internal sealed class ProviderState
{
    [Id(0)] public ProviderProfile? Profile { get; set; }

    [Id(1)] public List<string> AdminIds { get; set; } = [];

    [Id(2)] public List<string> TrainerIds { get; set; } = [];

    [Id(3)] public List<string> CourseIds { get; set; } = [];

    [Id(4)] public List<string> OrderIds { get; set; } = [];

    [Id(5)] public List<string> VoucherBatchIds { get; set; } = [];

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
}
