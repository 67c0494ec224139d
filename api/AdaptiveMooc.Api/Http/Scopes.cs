namespace AdaptiveMooc.Api.Http;

/// <summary>API key scopes of docs/API.md.</summary>
internal static class Scopes
{
    public const string StatementsWrite = "statements:write";
    public const string StatementsRead = "statements:read";
    public const string RecommendationsRead = "recommendations:read";
    public const string AnalyticsRead = "analytics:read";
    public const string CoursesWrite = "courses:write";
}
