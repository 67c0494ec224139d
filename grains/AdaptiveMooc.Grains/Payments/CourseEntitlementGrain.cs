using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

/// <summary>
/// One learner's access to one paid course. The sources are few (an order, a voucher, a grant, a
/// repurchase after a refund), so the state stays small whatever the platform's size.
/// </summary>
[GrainType("course-entitlement")]
internal sealed class CourseEntitlementGrain(
    [PersistentState("entitlement", StorageNames.Default)] IPersistentState<EntitlementState> state) : Grain, ICourseEntitlementGrain
{
    public async Task Grant(string sourceId, string kind, string grantedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        if (state.State.Sources.TryGetValue(sourceId, out var existing) && existing.Active)
        {
            return;
        }

        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        await GrainFactory.ByKey<ILearnerPurchasesGrain>(key[..slash]).AddCourse(key[(slash + 1)..]);
        state.State.Sources[sourceId] = new AccessSource(sourceId, kind, at, grantedBy);
        await state.WriteStateAsync();
    }

    public async Task Withdraw(string sourceId, string reason, DateTimeOffset at)
    {
        if (!state.State.Sources.TryGetValue(sourceId, out var existing) || !existing.Active)
        {
            return;
        }

        state.State.Sources[sourceId] = existing with { WithdrawnAt = at, WithdrawalReason = reason };
        await state.WriteStateAsync();
    }

    public Task<bool> HasAccess() => Task.FromResult(state.State.Sources.Values.Any(s => s.Active));

    public Task<IReadOnlyList<AccessSource>> GetSources() =>
        Task.FromResult<IReadOnlyList<AccessSource>>([.. state.State.Sources.Values.OrderBy(s => s.GrantedAt)]);
}
