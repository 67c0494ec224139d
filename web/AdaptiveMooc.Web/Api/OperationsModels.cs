namespace AdaptiveMooc.Web.Api;

/// <summary>The API's answer to <c>POST /api/admin/dashboard/sessions</c>: open <see cref="Url"/> on the API before <see cref="ExpiresAt"/>.</summary>
public sealed record DashboardSession(string Url, DateTimeOffset ExpiresAt);
