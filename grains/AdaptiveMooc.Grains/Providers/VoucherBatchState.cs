using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

[GenerateSerializer]
[Alias("mooc.VoucherBatchState")]
internal sealed class VoucherBatchState
{
    [Id(0)] public VoucherIssue? Issue { get; set; }

    [Id(1)] public List<string> Codes { get; set; } = [];

    [Id(2)] public string CreatedBy { get; set; } = string.Empty;

    /// <summary>Every code's voucher grain was issued (false only after a crash part way).</summary>
    [Id(3)] public bool Issued { get; set; }
}
