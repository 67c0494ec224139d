namespace AdaptiveMooc.Api.Security;

/// <summary>The answer of the token and refresh endpoints; <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
