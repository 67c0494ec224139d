using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// The list of API keys for admins. Keys are created by admins only, so the list is small and capped
/// (<see cref="MaxKeys"/>); authentication never goes through it.
/// </summary>
[Alias("mooc.security.IApiKeyDirectoryGrain")]
public interface IApiKeyDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "all";
    public const int MaxKeys = 10_000;

    /// <summary>Adds a key; false when the directory is full.</summary>
    [Alias("Add")]
    Task<bool> Add(ApiKeySummary key);

    [Alias("MarkRevoked")]
    Task MarkRevoked(string id, DateTimeOffset at);

    /// <summary>Keys in creation order after the key with id <paramref name="afterId"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<ApiKeyPage> List(int limit, string? afterId);
}
