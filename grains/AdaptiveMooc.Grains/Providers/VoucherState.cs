using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

[GenerateSerializer]
[Alias("mooc.VoucherState")]
internal sealed class VoucherState
{
    [Id(0)] public VoucherIssue? Issue { get; set; }

    [Id(1)] public string? RedeemedBy { get; set; }

    [Id(2)] public DateTimeOffset? RedeemedAt { get; set; }

    /// <summary>The learner's entitlement was told (false only after a crash between the two writes).</summary>
    [Id(3)] public bool AccessGranted { get; set; }
}
