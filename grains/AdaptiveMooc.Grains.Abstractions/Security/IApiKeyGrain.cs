using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// One platform API key, keyed by its id (the id is part of the key text, so lookup needs no index).
/// Only the SHA-256 digest of the secret is stored.
/// </summary>
[Alias("mooc.security.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Creates the key once; false when the id already exists.</summary>
    [Alias("Create")]
    Task<bool> Create(NewApiKey key);

    /// <summary>The key's scopes when the digest matches a live key; null otherwise.</summary>
    [Alias("Authenticate"), ReadOnly]
    Task<string[]?> Authenticate(byte[] secretDigest);

    /// <summary>The key's scopes and course limit when the digest matches a live key; null otherwise.</summary>
    [Alias("Verify"), ReadOnly]
    Task<ApiKeyGrant?> Verify(byte[] secretDigest);

    [Alias("GetSummary"), ReadOnly]
    Task<ApiKeySummary?> GetSummary();

    /// <summary>Revokes the key; false when it does not exist. Revoking twice is harmless.</summary>
    [Alias("Revoke")]
    Task<bool> Revoke(DateTimeOffset at);
}
