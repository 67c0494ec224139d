namespace AdaptiveMooc.Api.Security;

/// <summary>The scopes an API key may hold (docs/API.md).</summary>
public static class ApiKeyScopes
{
    public const string StatementsWrite = "statements:write";
    public const string StatementsRead = "statements:read";
    public const string RecommendationsRead = "recommendations:read";
    public const string AnalyticsRead = "analytics:read";
    public const string CoursesWrite = "courses:write";

    /// <summary>Reads the public catalogue and published courses, nothing else: the web app's credential for visitors who have not signed in.</summary>
    public const string CatalogueRead = "catalogue:read";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StatementsWrite, StatementsRead, RecommendationsRead, AnalyticsRead, CoursesWrite, CatalogueRead,
    };
}
