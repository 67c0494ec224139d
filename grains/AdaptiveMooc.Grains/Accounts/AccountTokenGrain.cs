using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>Keyed by the token's SHA-256: the token text is never stored. Redeemed or expired, the row is deleted.</summary>
[GrainType("account-token")]
internal sealed class AccountTokenGrain(
    [PersistentState("account-token", StorageNames.Default)] IPersistentState<AccountTokenState> state,
    TimeProvider clock) : Grain, IAccountTokenGrain
{
    public async Task Issue(AccountTokenGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (state.State.Grant is not null)
        {
            throw new InvalidOperationException("An account token is issued once.");
        }

        state.State.Grant = grant;
        await state.WriteStateAsync();
    }

    public async Task<AccountTokenGrant?> Redeem(string purpose)
    {
        if (state.State.Grant is not { } grant)
        {
            return null;
        }

        var expired = grant.ExpiresAt <= clock.GetUtcNow();
        if (!expired && !string.Equals(grant.Purpose, purpose, StringComparison.Ordinal))
        {
            return null;
        }

        // Gone before it is answered: a second redemption, even a concurrent one, finds nothing.
        await state.ClearStateAsync();
        return expired ? null : grant;
    }
}

[GenerateSerializer]
[Alias("mooc.accounts.AccountTokenState")]
internal sealed class AccountTokenState
{
    [Id(0)] public AccountTokenGrant? Grant { get; set; }
}
