using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

[GrainType("account-sessions")]
internal sealed class AccountSessionsGrain(
    [PersistentState("account-sessions", StorageNames.Default)] IPersistentState<AccountSessionsState> state,
    TimeProvider clock) : Grain, IAccountSessionsGrain
{
    public async Task<DateTimeOffset> RevokeAll()
    {
        var now = clock.GetUtcNow();
        state.State.RevokedBefore = state.State.RevokedBefore is { } earlier && earlier > now ? earlier : now;
        await state.WriteStateAsync();
        return state.State.RevokedBefore.Value;
    }

    public Task<DateTimeOffset?> GetRevokedBefore() => Task.FromResult(state.State.RevokedBefore);
}

[GenerateSerializer]
[Alias("mooc.accounts.AccountSessionsState")]
internal sealed class AccountSessionsState
{
    [Id(0)] public DateTimeOffset? RevokedBefore { get; set; }
}
