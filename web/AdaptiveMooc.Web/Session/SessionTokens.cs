namespace AdaptiveMooc.Web.Session;

/// <summary>
/// What the web server holds for one signed-in browser: the API's access and refresh tokens (people) or the
/// admin API key (admins). It lives only in <see cref="SessionStore"/>; the browser holds an opaque session id.
/// </summary>
public sealed record SessionTokens(
    string Kind,
    string Subject,
    string? AccessToken,
    string? RefreshToken,
    DateTimeOffset AccessExpiresAt,
    string? ApiKey);
