using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>One person's mail preferences, keyed by <see cref="AccountKeys.Of"/>: the optional categories they switched off.</summary>
[Alias("mooc.accounts.IMailPreferencesGrain")]
public interface IMailPreferencesGrain : IGrainWithStringKey
{
    [ReadOnly]
    [Alias("GetOptedOut")]
    Task<IReadOnlyList<string>> GetOptedOut();

    /// <summary>Replaces the switched-off categories (only <see cref="MailCategories.Optional"/> ones are kept).</summary>
    [Alias("SetOptedOut")]
    Task SetOptedOut(IReadOnlyList<string> categories);

    [Alias("OptOut")]
    Task OptOut(string category);
}
