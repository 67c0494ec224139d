namespace AdaptiveMooc.Api.Tests.Security;

public sealed record TokenAnswer(string AccessToken, string RefreshToken, int ExpiresIn);
