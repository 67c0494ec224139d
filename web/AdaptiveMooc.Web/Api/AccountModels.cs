namespace AdaptiveMooc.Web.Api;

/// <summary>The signed-in person's account (<c>GET /api/account</c>).</summary>
public sealed record AccountInfo(string Kind, string Id, string Name, string Email, bool EmailVerified, string? PendingEmail);

/// <summary>Mail categories that can be switched off, and those that are.</summary>
public sealed record MailPreferences(IReadOnlyList<string> Categories, IReadOnlyList<string> OptedOut);

/// <summary>A data export; <see cref="Download"/> is set once it is ready.</summary>
public sealed record DataExport(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt, long? Bytes, string? Download);

/// <summary>What an unsubscribe link switches off.</summary>
public sealed record UnsubscribeInfo(string Category, bool Unsubscribed);
