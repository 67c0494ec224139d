using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

[GrainType("mail-preferences")]
internal sealed class MailPreferencesGrain(
    [PersistentState("mail-preferences", StorageNames.Default)] IPersistentState<MailPreferencesState> state) : Grain, IMailPreferencesGrain
{
    public Task<IReadOnlyList<string>> GetOptedOut() => Task.FromResult<IReadOnlyList<string>>([.. state.State.OptedOut]);

    public async Task SetOptedOut(IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        state.State.OptedOut = [.. MailCategories.Optional.Where(categories.Contains)];
        await state.WriteStateAsync();
    }

    public async Task OptOut(string category)
    {
        if (MailCategories.Optional.Contains(category) && !state.State.OptedOut.Contains(category))
        {
            state.State.OptedOut.Add(category);
            await state.WriteStateAsync();
        }
    }
}

[GenerateSerializer]
[Alias("mooc.accounts.MailPreferencesState")]
internal sealed class MailPreferencesState
{
    [Id(0)] public List<string> OptedOut { get; set; } = [];
}
