namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>categories</c>: what can be switched off; <c>optedOut</c>: what is.</summary>
public sealed record MailPreferencesResponse(IReadOnlyList<string> Categories, IReadOnlyList<string> OptedOut);
