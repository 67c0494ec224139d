namespace AdaptiveMooc.Api.Contracts;

public sealed record MailPreferencesBody(IReadOnlyList<string>? OptedOut);
