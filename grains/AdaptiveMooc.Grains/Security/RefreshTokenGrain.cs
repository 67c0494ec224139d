using AdaptiveMooc.Grains.Abstractions.Common;
using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-refresh-token")]
internal sealed class RefreshTokenGrain(
    [PersistentState("refreshToken", StorageNames.Default)] IPersistentState<RefreshTokenState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IRefreshTokenGrain
{
    public async Task Issue(RefreshTokenGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (state.RecordExists)
        {
            throw new InvalidOperationException("A refresh token id is never issued twice.");
        }

        state.State = new RefreshTokenState { Grant = grant };
        await state.WriteStateAsync();
    }

    public async Task<RefreshRedemption> Redeem(byte[] secretDigest)
    {
        if (!Matches(secretDigest))
        {
            return RefreshRedemption.Rejected(RefreshOutcome.Unknown);
        }

        var grant = state.State.Grant!;
        var family = grains.ByKey<IRefreshTokenFamilyGrain>(grant.FamilyId);
        if (state.State.UsedAt is not null)
        {
            // A used token presented again means two parties hold it: end the whole login so the
            // thief's rotated token dies with the victim's.
            await family.Revoke();
            return RefreshRedemption.Rejected(RefreshOutcome.Reused);
        }

        if (await family.IsRevoked())
        {
            return RefreshRedemption.Rejected(RefreshOutcome.Revoked);
        }

        var now = time.GetUtcNow();
        if (grant.ExpiresAt <= now)
        {
            return RefreshRedemption.Rejected(RefreshOutcome.Expired);
        }

        state.State.UsedAt = now;
        await state.WriteStateAsync();
        return new RefreshRedemption(RefreshOutcome.Redeemed, grant.SubjectKind, grant.SubjectId, grant.FamilyId, grant.LoginExpiresAt);
    }

    public async Task RevokeFamily(byte[] secretDigest)
    {
        if (Matches(secretDigest))
        {
            await grains.ByKey<IRefreshTokenFamilyGrain>(state.State.Grant!.FamilyId).Revoke();
        }
    }

    private bool Matches(byte[] secretDigest) =>
        state.RecordExists
        && state.State.Grant is { } grant
        && CryptographicOperations.FixedTimeEquals(grant.SecretDigest, secretDigest);
}
