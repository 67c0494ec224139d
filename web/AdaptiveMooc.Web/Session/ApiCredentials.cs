using AdaptiveMooc.Web.Api;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace AdaptiveMooc.Web.Session;

/// <summary>
/// The signed-in user's credentials for the API, looked up server side from the session id in the cookie and
/// refreshed through <c>POST /api/auth/refresh</c> shortly before the access token expires. Scoped: one per
/// circuit or request.
/// </summary>
public sealed class ApiCredentials(
    SessionStore store,
    IHttpClientFactory httpClients,
    IServiceProvider services,
    Microsoft.Extensions.Options.IOptions<ApiOptions> options,
    ILogger<ApiCredentials> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private ClaimsPrincipal? principal;

    /// <summary>For minimal endpoints (downloads), which have an HttpContext but no component authentication state.</summary>
    public void UsePrincipal(ClaimsPrincipal user) => principal = user;

    public async Task<ClaimsPrincipal> UserAsync()
    {
        if (principal is not null)
        {
            return principal;
        }

        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        return (await provider.GetAuthenticationStateAsync()).User;
    }

    /// <summary>Adds the user's credentials to <paramref name="request"/>; anonymous callers send none.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await UserAsync();
        var sessionId = user.FindFirstValue(WebClaims.SessionId);
        if (sessionId is null)
        {
            // Visitors read the public catalogue with the web's catalogue:read key, and only with GET.
            if (request.Method == HttpMethod.Get && CatalogueKey() is { } key)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            return;
        }

        var tokens = await store.GetAsync(sessionId, cancellationToken) ?? throw new SessionExpiredException();
        if (tokens.ApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", tokens.ApiKey);
            return;
        }

        if (tokens.AccessExpiresAt - DateTimeOffset.UtcNow < RefreshMargin)
        {
            tokens = await RefreshAsync(sessionId, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
    }

    private string? CatalogueKey()
    {
        var path = options.Value.CatalogueKeyPath;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        // Read on use: ./mooc up may replace the file (a --memory run forgets its keys) without restarting the web.
        var key = File.ReadAllText(path).Trim();
        return key.Length == 0 ? null : key;
    }

    private async Task<SessionTokens> RefreshAsync(string sessionId, CancellationToken cancellationToken)
    {
        var gate = store.RefreshLock(sessionId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another circuit of the same session may have refreshed while this one waited.
            var tokens = await store.GetAsync(sessionId, cancellationToken) ?? throw new SessionExpiredException();
            if (tokens.AccessExpiresAt - DateTimeOffset.UtcNow >= RefreshMargin)
            {
                return tokens;
            }

            using var client = httpClients.CreateClient(MoocApi.HttpClientName);
            using var response = await client.PostAsJsonAsync(
                new Uri("api/auth/refresh", UriKind.Relative), new { refreshToken = tokens.RefreshToken }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Refreshing a session's token answered {Status}; the session ends", (int)response.StatusCode);
                await store.RemoveAsync(sessionId, cancellationToken);
                throw new SessionExpiredException();
            }

            var pair = await response.Content.ReadFromJsonAsync<TokenPair>(cancellationToken)
                ?? throw new InvalidOperationException("The API answered an empty token pair.");
            var renewed = tokens with
            {
                AccessToken = pair.AccessToken,
                RefreshToken = pair.RefreshToken,
                AccessExpiresAt = DateTimeOffset.UtcNow.AddSeconds(pair.ExpiresIn),
            };
            await store.SaveAsync(sessionId, renewed, cancellationToken);
            return renewed;
        }
        finally
        {
            gate.Release();
        }
    }
}
