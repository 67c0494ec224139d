using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// The certificate issuer's public keys, fetched from the silo (which holds the private key) at start-up
/// and every few minutes, so /.well-known/jwks.json answers without a grain call and verification uses
/// exactly the published keys.
/// </summary>
public sealed partial class CertificateKeyCache(IGrainFactory grains, ILogger<CertificateKeyCache> logger) : BackgroundService, IPublicKeySource
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private volatile IReadOnlyList<PublicJwk> keys = [];

    /// <summary>The keys, fetched now if none were fetched yet (the silo may have started after the API).</summary>
    public async Task<IReadOnlyList<PublicJwk>> GetAsync()
    {
        if (keys.Count == 0)
        {
            keys = await grains.ByKey<ICertificateKeysGrain>(0).GetPublicKeysAsync();
        }

        return keys;
    }

    /// <summary>The keys as JWKs for the JWKS document (<c>IPublicKeySource</c> shape).</summary>
    public IEnumerable<JsonWebKey> GetPublicKeys() => keys.Select(k => new JsonWebKey
    {
        Kty = k.Kty,
        Crv = k.Crv,
        X = k.X,
        Y = k.Y,
        Kid = k.Kid,
        Alg = k.Alg,
        Use = k.Use,
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                keys = await grains.ByKey<ICertificateKeysGrain>(0).GetPublicKeysAsync();
                await Task.Delay(Refresh, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFetchFailed(logger, e);
                await Task.Delay(Retry, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Certificate keys not fetched yet (silo not ready?); retrying.")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception);
}
