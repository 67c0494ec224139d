using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace AdaptiveMooc.Web.Session;

/// <summary>
/// Server-side store of <see cref="SessionTokens"/> keyed by the random session id in the auth cookie. Backed
/// by <see cref="IDistributedCache"/> (in memory by default: a restart of the web process signs everyone out;
/// a shared cache keeps sessions across several web processes).
/// </summary>
public sealed class SessionStore(IDistributedCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshLocks = new(StringComparer.Ordinal);

    public async Task<string> CreateAsync(SessionTokens tokens, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await SaveAsync(id, tokens, cancellationToken);
        return id;
    }

    public async Task<SessionTokens?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var bytes = await cache.GetAsync(Key(id), cancellationToken);
        return bytes is null ? null : JsonSerializer.Deserialize<SessionTokens>(bytes);
    }

    public Task SaveAsync(string id, SessionTokens tokens, CancellationToken cancellationToken = default) =>
        cache.SetAsync(
            Key(id),
            JsonSerializer.SerializeToUtf8Bytes(tokens),
            new DistributedCacheEntryOptions { SlidingExpiration = Lifetime },
            cancellationToken);

    public async Task RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        await cache.RemoveAsync(Key(id), cancellationToken);
        refreshLocks.TryRemove(id, out _);
    }

    /// <summary>One refresh at a time per session: the API rotates refresh tokens, so two tabs refreshing together would race.</summary>
    public SemaphoreSlim RefreshLock(string id) => refreshLocks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));

    private static string Key(string id) => "mooc-web-session:" + id;
}
