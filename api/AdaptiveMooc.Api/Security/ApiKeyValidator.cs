using AdaptiveMooc.Grains.Abstractions.Common;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Verifies platform API keys against their grains, caching a success for
/// <see cref="ApiKeyOptions.CacheDuration"/> so a busy ingest client does not cost a grain call per request.
/// Failures are never cached; a key that is not even of the platform's form is refused before any grain call.
/// </summary>
public sealed class ApiKeyValidator(IGrainFactory grains, IOptions<ApiKeyOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CachedKey> cache = new(StringComparer.Ordinal);

    /// <summary>The key's id and grant (scopes, course limit), or null when the key is malformed, unknown, wrong or revoked.</summary>
    public async Task<(string Id, ApiKeyGrant Grant)?> ValidateAsync(string key)
    {
        if (!ApiKeyText.TryGetId(key, out var id))
        {
            return null;
        }

        var digest = ApiKeyText.Digest(key);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(id, out var cached) && cached.Until > now && CryptographicOperations.FixedTimeEquals(cached.Digest, digest))
        {
            return (id, cached.Grant);
        }

        var grant = await grains.ByKey<IApiKeyGrain>(id).Verify(digest);
        if (grant is null)
        {
            cache.TryRemove(id, out _);
            return null;
        }

        cache[id] = new CachedKey(digest, grant, now + options.Value.CacheDuration);
        return (id, grant);
    }

    public void Forget(string id) => cache.TryRemove(id, out _);

    private sealed record CachedKey(byte[] Digest, ApiKeyGrant Grant, DateTimeOffset Until);
}
