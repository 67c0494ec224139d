using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using AdaptiveMooc.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AdaptiveMooc.Web.Session;

/// <summary>
/// Signs people in through <c>POST /api/auth/token</c> (admins with the admin API key), keeps the tokens in
/// <see cref="SessionStore"/> and gives the browser only an HttpOnly cookie naming the session.
/// </summary>
public sealed class SignInService(IHttpClientFactory httpClients, SessionStore store, ILogger<SignInService> logger)
{
    /// <summary>Null when signed in, else the reason in words.</summary>
    public async Task<string?> SignInAsync(HttpContext http, string username, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var client = httpClients.CreateClient(MoocApi.HttpClientName);
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/token", UriKind.Relative), new { username, password }, ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? await response.Content.ReadFromJsonAsync<ApiProblem>(MoocApi.Json, ct)
                : null;
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => "The username or password is incorrect.",
                HttpStatusCode.TooManyRequests => problem?.Detail ?? "Too many failed sign-ins: wait a moment and retry.",
                _ => problem?.Detail ?? $"Sign-in failed (the API answered {(int)response.StatusCode}).",
            };
        }

        var pair = await response.Content.ReadFromJsonAsync<TokenPair>(MoocApi.Json, ct)
            ?? throw new InvalidOperationException("The API answered an empty token pair.");
        var (kind, subject) = ReadAccessToken(pair.AccessToken);
        var tokens = new SessionTokens(kind, subject, pair.AccessToken, pair.RefreshToken, DateTimeOffset.UtcNow.AddSeconds(pair.ExpiresIn), null);
        await CookieSignInAsync(http, tokens, ct);
        return null;
    }

    /// <summary>Admins sign in with the admin API key (the API has no admin passwords); it stays on the server.</summary>
    public async Task<string?> SignInAdminAsync(HttpContext http, string apiKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var client = httpClients.CreateClient(MoocApi.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/api-keys?limit=1");
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? "That key is not an admin key."
                : $"Sign-in failed (the API answered {(int)response.StatusCode}).";
        }

        await CookieSignInAsync(http, new SessionTokens(WebClaims.Admin, "admin", null, null, DateTimeOffset.MaxValue, apiKey), ct);
        return null;
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.FindFirstValue(WebClaims.SessionId) is { } sessionId)
        {
            if (await store.GetAsync(sessionId, ct) is { RefreshToken: { } refresh, AccessToken: { } access })
            {
                try
                {
                    using var client = httpClients.CreateClient(MoocApi.HttpClientName);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout")
                    {
                        Content = JsonContent.Create(new { refreshToken = refresh }),
                    };
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
                    using var _ = await client.SendAsync(request, ct);
                }
                catch (HttpRequestException e)
                {
                    logger.LogWarning(e, "Revoking the refresh token at sign-out failed; it expires by itself");
                }
            }

            await store.RemoveAsync(sessionId, ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>A cookie whose server-side session is gone (signed out, web restarted) signs the browser out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal?.FindFirstValue(WebClaims.SessionId) is not { } sessionId
            || await store.GetAsync(sessionId, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task CookieSignInAsync(HttpContext http, SessionTokens tokens, CancellationToken ct)
    {
        var sessionId = await store.CreateAsync(tokens, ct);
        var identity = new ClaimsIdentity(
            [
                new Claim(WebClaims.Subject, tokens.Subject),
                new Claim(ClaimTypes.Name, tokens.Subject),
                new Claim(ClaimTypes.Role, tokens.Kind),
                new Claim(WebClaims.SessionId, sessionId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>
    /// The account kind and id from the access token's payload. The token came straight from the API over the
    /// connection we opened, so its signature needs no check here; the API checks it on every call.
    /// </summary>
    internal static (string Kind, string Subject) ReadAccessToken(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
        {
            throw new InvalidOperationException("The API's access token is not a JWT.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        var kind = document.RootElement.GetProperty("mooc:kind").GetString()!.ToLowerInvariant();
        var subject = document.RootElement.GetProperty("sub").GetString()!;
        return (kind, subject);
    }
}
