using AdaptiveMooc.Grains.Abstractions.Common;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Issues ES256 access tokens and one-time refresh tokens. A refresh token reads
/// <c>rt_&lt;id&gt;_&lt;secret&gt;</c>; its grain holds only the SHA-256 of the text.
/// </summary>
public sealed class TokenService(
    SigningKeyStore keys, IOptions<JwtOptions> options, IGrainFactory grains, TimeProvider time, Accounts.SessionRevocations revocations)
{
    private const string RefreshPrefix = "rt_";
    private const int RefreshIdLength = 32;
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public Task<TokenPair> IssueAsync(CallerKind kind, string id) =>
        IssueAsync(kind, id, Guid.NewGuid().ToString("N"), time.GetUtcNow() + options.Value.RefreshTokenAbsoluteLifetime);

    /// <summary>Redeems a refresh token and rotates it; null when it is unknown, used, expired or revoked.</summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken)
    {
        if (!TryGetRefreshId(refreshToken, out var id))
        {
            return null;
        }

        var redemption = await grains.ByKey<IRefreshTokenGrain>(id).Redeem(Digest(refreshToken));
        if (redemption.Outcome != RefreshOutcome.Redeemed
            || !Enum.TryParse<CallerKind>(redemption.SubjectKind, out var kind))
        {
            return null;
        }

        // Rotation slides the token's own lifetime but never the login's end: a stolen token that is kept
        // refreshed dies with the login. Tokens from before the absolute lifetime existed get one now.
        var loginExpiresAt = redemption.LoginExpiresAt ?? time.GetUtcNow() + options.Value.RefreshTokenAbsoluteLifetime;

        // A login started before the account's last revocation (password change or reset, deletion) is over.
        if (await revocations.RevokedBeforeAsync(kind.ToString(), redemption.SubjectId!) is { } revokedBefore
            && loginExpiresAt - options.Value.RefreshTokenAbsoluteLifetime < revokedBefore)
        {
            return null;
        }

        return await IssueAsync(kind, redemption.SubjectId!, redemption.FamilyId!, loginExpiresAt);
    }

    /// <summary>Ends the login the refresh token belongs to: it and every token rotated from it stop working.</summary>
    public async Task RevokeAsync(string refreshToken)
    {
        if (TryGetRefreshId(refreshToken, out var id))
        {
            await grains.ByKey<IRefreshTokenGrain>(id).RevokeFamily(Digest(refreshToken));
        }
    }

    public string CreateAccessToken(CallerKind kind, string id)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + o.AccessTokenLifetime,
            SigningCredentials = keys.Credentials,
            Claims = new Dictionary<string, object>
            {
                [MoocClaims.Subject] = id,
                [MoocClaims.Kind] = kind.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [MoocClaims.IssuedAtMilliseconds] = new DateTimeOffset(now).ToUnixTimeMilliseconds(),
            },
        });
    }

    private async Task<TokenPair> IssueAsync(CallerKind kind, string id, string familyId, DateTimeOffset loginExpiresAt)
    {
        var o = options.Value;
        var refreshId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RefreshIdLength / 2));
        var refreshToken = $"{RefreshPrefix}{refreshId}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var expiresAt = time.GetUtcNow() + o.RefreshTokenLifetime;
        var grant = new RefreshTokenGrant(
            Digest(refreshToken), kind.ToString(), id, familyId, expiresAt < loginExpiresAt ? expiresAt : loginExpiresAt, loginExpiresAt);
        await grains.ByKey<IRefreshTokenGrain>(refreshId).Issue(grant);
        return new TokenPair(CreateAccessToken(kind, id), refreshToken, (int)o.AccessTokenLifetime.TotalSeconds);
    }

    private static bool TryGetRefreshId(string token, out string id)
    {
        id = string.Empty;
        if (token is null || token.Length < RefreshPrefix.Length + RefreshIdLength + 2
            || !token.StartsWith(RefreshPrefix, StringComparison.Ordinal) || token[RefreshPrefix.Length + RefreshIdLength] != '_')
        {
            return false;
        }

        var candidate = token.Substring(RefreshPrefix.Length, RefreshIdLength);
        if (!candidate.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return false;
        }

        id = candidate;
        return true;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
