namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// A one-time ticket for the Orleans dashboard: open <see cref="Url"/> (relative to the API) in a browser before
/// <see cref="ExpiresAt"/>; it signs that browser in to <c>/admin/dashboard/</c> for 30 minutes.
/// </summary>
public sealed record DashboardSessionResponse(string Url, DateTimeOffset ExpiresAt);
