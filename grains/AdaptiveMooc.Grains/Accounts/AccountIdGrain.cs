using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

[GrainType("account-id")]
internal sealed class AccountIdGrain(
    [PersistentState("account-id", StorageNames.Default)] IPersistentState<AccountIdState> state) : Grain, IAccountIdGrain
{
    public async Task<bool> Claim(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (state.State.Kind is { } holder)
        {
            return string.Equals(holder, kind, StringComparison.Ordinal);
        }

        state.State.Kind = kind;
        await state.WriteStateAsync();
        return true;
    }

    public async Task Release(string kind)
    {
        if (string.Equals(state.State.Kind, kind, StringComparison.Ordinal))
        {
            await state.ClearStateAsync();
        }
    }

    public Task<string?> Resolve() => Task.FromResult(state.State.Kind);
}

[GenerateSerializer]
[Alias("mooc.accounts.AccountIdState")]
internal sealed class AccountIdState
{
    [Id(0)] public string? Kind { get; set; }
}
