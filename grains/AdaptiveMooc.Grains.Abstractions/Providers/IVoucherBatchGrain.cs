using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>A batch of voucher codes a provider sold or granted for one course (one code per seat).</summary>
[Alias("mooc.IVoucherBatchGrain")]
public interface IVoucherBatchGrain : IGrainWithStringKey
{
    public const int MaxSeats = 500;

    /// <summary>Issues <paramref name="codes"/> (made by the caller) for the course; Conflict when the batch exists.</summary>
    [Alias("Create")]
    Task<CommandResult> Create(VoucherIssue issue, IReadOnlyList<string> codes, string createdBy);

    [Alias("GetCodes")]
    Task<IReadOnlyList<string>> GetCodes();

    /// <summary>Every voucher of the batch with its redemption.</summary>
    [Alias("List")]
    Task<IReadOnlyList<VoucherSnapshot>> List();
}
