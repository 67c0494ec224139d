using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-refresh-family")]
internal sealed class RefreshTokenFamilyGrain(
    [PersistentState("refreshFamily", StorageNames.Default)] IPersistentState<RefreshTokenFamilyState> state)
    : Grain, IRefreshTokenFamilyGrain
{
    public Task<bool> IsRevoked() => Task.FromResult(state.State.Revoked);

    public async Task Revoke()
    {
        if (state.State.Revoked)
        {
            return;
        }

        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}
