using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Learners;

[GrainType("email-index")]
internal sealed class EmailIndexGrain(
    [PersistentState("email", StorageNames.Default)] IPersistentState<EmailIndexState> state) : Grain, IEmailIndexGrain
{
    public async Task<bool> Claim(string kind, string id)
    {
        var candidate = new EmailOwner(kind, id);
        if (state.State.Owner is { } owner)
        {
            return owner == candidate;
        }

        state.State.Owner = candidate;
        await state.WriteStateAsync();
        return true;
    }

    public async Task Release(string kind, string id)
    {
        if (state.State.Owner == new EmailOwner(kind, id))
        {
            // Cleared, not rewritten: the row is keyed by the address, and a released address leaves nothing behind.
            await state.ClearStateAsync();
        }
    }

    public Task<EmailOwner?> Resolve() => Task.FromResult(state.State.Owner);
}
