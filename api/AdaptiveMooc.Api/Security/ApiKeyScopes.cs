namespace AdaptiveMooc.Api.Security;

/// <summary>The scopes an API key may hold (CONTRACT.md).</summary>
public static class ApiKeyScopes
{
    public const string StatementsWrite = "statements:write";
    public const string StatementsRead = "statements:read";
    public const string RecommendationsRead = "recommendations:read";
    public const string AnalyticsRead = "analytics:read";
    public const string CoursesWrite = "courses:write";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StatementsWrite, StatementsRead, RecommendationsRead, AnalyticsRead, CoursesWrite,
    };
}
