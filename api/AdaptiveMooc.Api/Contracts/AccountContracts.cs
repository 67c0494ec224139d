namespace AdaptiveMooc.Api.Contracts;

/// <summary>The caller's account (<c>GET /api/account</c>).</summary>
public sealed record AccountResponse(string Kind, string Id, string Name, string Email, bool EmailVerified, string? PendingEmail);
