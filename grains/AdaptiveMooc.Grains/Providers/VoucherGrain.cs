using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

[GrainType("voucher")]
internal sealed class VoucherGrain(
    [PersistentState("voucher", StorageNames.Default)] IPersistentState<VoucherState> state,
    TimeProvider clock) : Grain, IVoucherGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task<CommandResult> Issue(VoucherIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (state.State.Issue is { } existing)
        {
            return existing == issue ? CommandResult.Ok : CommandResult.Conflict("That voucher code exists already.", "code");
        }

        state.State.Issue = issue;
        await state.WriteStateAsync();
        return CommandResult.Created;
    }

    public async Task<CommandResult> Redeem(string learnerId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(learnerId);
        if (state.State.Issue is not { } issue)
        {
            return CommandResult.NotFound("No voucher has that code.");
        }

        await SyncAccess();
        if (state.State.RedeemedBy is not null)
        {
            return CommandResult.Conflict("This voucher was redeemed already.", "code");
        }

        if (at >= issue.ExpiresAt)
        {
            return CommandResult.Conflict($"This voucher expired on {issue.ExpiresAt:yyyy-MM-dd}.", "code");
        }

        state.State.RedeemedBy = learnerId;
        state.State.RedeemedAt = at;
        await state.WriteStateAsync();
        await SyncAccess();
        return CommandResult.Ok;
    }

    public async Task<VoucherSnapshot?> Get()
    {
        if (state.State.Issue is not { } issue)
        {
            return null;
        }

        await SyncAccess();
        return new VoucherSnapshot(Code, issue, state.State.RedeemedBy, state.State.RedeemedAt);
    }

    private async Task SyncAccess()
    {
        if (state.State.RedeemedBy is not { } learnerId || state.State.AccessGranted)
        {
            return;
        }

        var issue = state.State.Issue!;
        var source = $"{AccessSource.Voucher}:{Code}";
        await GrainFactory.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, issue.CourseId))
            .Grant(source, AccessSource.Voucher, $"provider:{issue.ProviderId}", state.State.RedeemedAt ?? clock.GetUtcNow());
        state.State.AccessGranted = true;
        await state.WriteStateAsync();
        // Redeeming enrols, as buying does; an existing enrolment is left as it is.
        await GrainFactory.ByKey<ILearnerGrain>(learnerId).Enroll(new EnrolmentRequest(issue.CourseId, null, source, clock.GetUtcNow()));
    }
}
