using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

/// <summary>
/// A batch of seats. The codes are written here first, then each voucher grain is issued; a crash part
/// way leaves <see cref="VoucherBatchState.Issued"/> false and the next call issues the rest.
/// </summary>
[GrainType("voucher-batch")]
internal sealed class VoucherBatchGrain(
    [PersistentState("voucher-batch", StorageNames.Default)] IPersistentState<VoucherBatchState> state) : Grain, IVoucherBatchGrain
{
    public async Task<CommandResult> Create(VoucherIssue issue, IReadOnlyList<string> codes, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(codes);
        if (state.State.Issue is not null)
        {
            return CommandResult.Conflict("That voucher batch exists already.");
        }

        state.State.Issue = issue;
        state.State.Codes = [.. codes];
        state.State.CreatedBy = createdBy;
        await state.WriteStateAsync();
        await EnsureIssued();
        return CommandResult.Created;
    }

    public async Task<IReadOnlyList<string>> GetCodes()
    {
        await EnsureIssued();
        return [.. state.State.Codes];
    }

    public async Task<IReadOnlyList<VoucherSnapshot>> List()
    {
        await EnsureIssued();
        var vouchers = await Task.WhenAll(state.State.Codes.Select(c => GrainFactory.ByKey<IVoucherGrain>(c).Get()));
        return [.. vouchers.OfType<VoucherSnapshot>()];
    }

    private async Task EnsureIssued()
    {
        if (state.State.Issued || state.State.Issue is not { } issue)
        {
            return;
        }

        await Task.WhenAll(state.State.Codes.Select(c => GrainFactory.ByKey<IVoucherGrain>(c).Issue(issue)));
        state.State.Issued = true;
        await state.WriteStateAsync();
    }
}
