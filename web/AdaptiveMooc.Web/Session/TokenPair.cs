namespace AdaptiveMooc.Web.Session;

/// <summary>The answer of <c>POST /api/auth/token</c> and <c>/refresh</c>.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
