using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Api.Accounts;

/// <summary>
/// When an account's logins were last revoked (password change or reset, deletion), read from
/// <see cref="IAccountSessionsGrain"/> and kept here for <see cref="CacheLifetime"/>, so checking every request's
/// access token costs a grain call per account every few seconds, not per request. Another API process
/// learns of a revocation within that time.
/// </summary>
public sealed class SessionRevocations(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset? RevokedBefore, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    public async Task<DateTimeOffset?> RevokedBeforeAsync(string kind, string id)
    {
        var key = AccountKeys.Of(kind, id);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var kept) && now - kept.ReadAt < CacheLifetime)
        {
            return kept.RevokedBefore;
        }

        var revokedBefore = await grains.ByKey<IAccountSessionsGrain>(key).GetRevokedBefore();
        if (cache.Count > 100_000)
        {
            cache.Clear();
        }

        cache[key] = (revokedBefore, now);
        return revokedBefore;
    }

    /// <summary>Revokes every login of the account started before now.</summary>
    public async Task<DateTimeOffset> RevokeAllAsync(string kind, string id)
    {
        var key = AccountKeys.Of(kind, id);
        var at = await grains.ByKey<IAccountSessionsGrain>(key).RevokeAll();
        cache[key] = (at, time.GetUtcNow());
        return at;
    }
}
