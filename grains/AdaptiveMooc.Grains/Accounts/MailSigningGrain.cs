using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

[GrainType("mail-signing")]
internal sealed class MailSigningGrain(
    [PersistentState("mail-signing", StorageNames.Default)] IPersistentState<MailSigningState> state) : Grain, IMailSigningGrain
{
    public async Task<byte[]> GetKey()
    {
        if (state.State.Key is not { Length: 32 })
        {
            state.State.Key = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        return state.State.Key;
    }
}

[GenerateSerializer]
[Alias("mooc.accounts.MailSigningState")]
internal sealed class MailSigningState
{
    [Id(0)] public byte[]? Key { get; set; }
}
