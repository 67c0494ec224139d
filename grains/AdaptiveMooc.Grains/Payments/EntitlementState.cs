using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

[GenerateSerializer]
[Alias("mooc.EntitlementState")]
internal sealed class EntitlementState
{
    [Id(0)] public Dictionary<string, AccessSource> Sources { get; set; } = new(StringComparer.Ordinal);
}
