using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using System.Text.Json.Serialization;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>Token issue and refresh (anonymous), sign-out, and the public keys that verify our signatures.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).WithName("IssueToken").AllowAnonymous();
        group.MapPost("/refresh", Refresh).WithName("RefreshToken").AllowAnonymous();
        group.MapPost("/logout", Logout).WithName("Logout").RequireAuthorization(MoocPolicies.Account);
        app.MapGet("/.well-known/jwks.json", GetJwks).WithName("GetJwks").WithTags("Auth").AllowAnonymous();
        return app;
    }

    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> IssueToken(
        TokenRequest? request, AccountDirectory accounts, TokenService tokens, IGrainFactory grains, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request?.Username) || request.Username.Length > 256)
        {
            return Invalid("username is required (a learner or trainer id, or an e-mail; at most 256 characters).");
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > Passwords.MaxLength)
        {
            return Invalid($"password is required (at most {Passwords.MaxLength} characters).");
        }

        var username = request.Username.Trim().ToLowerInvariant();
        var candidates = await accounts.FindAsync(username);
        if (candidates.Count == 0)
        {
            // Nobody has this name: spend the hashing time a wrong password costs, and persist nothing, so
            // guessing names cannot grow the database (issue 16). The per-address rate limit bounds the guesses.
            Passwords.Verify(null, request.Password);
            return Unauthorized();
        }

        var throttleKey = candidates.Count == 1 ? $"{candidates[0].Kind}:{candidates[0].Id}" : "name:" + username;

        // Counted per account at this address, per address and per account (LoginThrottleKeys): one client
        // that keeps failing locks the account for itself, not for everyone else.
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var throttle = grains.ByKey<ILoginThrottleGrain>(LoginThrottleKeys.AccountAtAddress(throttleKey, address));
        ILoginThrottleGrain[] throttles = [throttle, grains.ByKey<ILoginThrottleGrain>(LoginThrottleKeys.Address(address)), grains.ByKey<ILoginThrottleGrain>(throttleKey)];
        var gates = await Task.WhenAll(throttles.Select(t => t.Check()));
        if (gates.Where(g => !g.Allowed).Select(g => (TimeSpan?)g.RetryAfter).Max() is { } retryAfter)
        {
            return Locked(http, retryAfter);
        }

        foreach (var account in candidates)
        {
            var result = Passwords.Verify(account.PasswordHash, request.Password);
            if (result == PasswordVerificationResult.Failed)
            {
                continue;
            }

            if (result == PasswordVerificationResult.SuccessRehashNeeded && account.Kind == CallerKind.Trainer)
            {
                await grains.ByKey<ITrainerGrain>(account.Id).SetPasswordHash(Passwords.Hash(request.Password));
            }
            else if (result == PasswordVerificationResult.SuccessRehashNeeded && account.Kind == CallerKind.Learner)
            {
                await grains.ByKey<ILearnerGrain>(account.Id).SetPasswordHash(Passwords.Hash(request.Password));
            }

            await throttle.RecordSuccess();
            return TypedResults.Ok(await tokens.IssueAsync(account.Kind, account.Id));
        }

        await Task.WhenAll(throttles.Select(t => t.RecordFailure()));
        return Unauthorized();
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "Unauthorized", detail: "The username or password is incorrect.", statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Refresh(RefreshRequest? request, TokenService tokens)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken) || request.RefreshToken.Length > 512)
        {
            return Invalid("refreshToken is required.");
        }

        return await tokens.RefreshAsync(request.RefreshToken.Trim()) is { } pair
            ? TypedResults.Ok(pair)
            : TypedResults.Problem(
                title: "Unauthorized",
                detail: "The refresh token is unknown, used, expired or revoked: sign in again.",
                statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(RefreshRequest? request, TokenService tokens)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken) || request.RefreshToken.Length > 512)
        {
            return Invalid("refreshToken is required.");
        }

        await tokens.RevokeAsync(request.RefreshToken.Trim());
        return TypedResults.NoContent();
    }

    private static Ok<JwksDocument> GetJwks(IEnumerable<IPublicKeySource> sources) =>
        TypedResults.Ok(new JwksDocument(sources.SelectMany(s => s.GetPublicKeys()).Select(JwksKey.From).ToList()));

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(title: "Invalid request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult Locked(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many failed logins",
            detail: $"Too many failed logins; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public sealed record JwksDocument(IReadOnlyList<JwksKey> Keys);

    /// <summary>The public members of a JWK (RFC 7517); private parts are never copied.</summary>
    public sealed record JwksKey(
        string Kty,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kid,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Use,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Alg,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Crv,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? X,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Y,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? N,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? E)
    {
        public static JwksKey From(Microsoft.IdentityModel.Tokens.JsonWebKey key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return new JwksKey(key.Kty, key.Kid, key.Use, key.Alg, key.Crv, key.X, key.Y, key.N, key.E);
        }
    }
}
