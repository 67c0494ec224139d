namespace AdaptiveMooc.Api.Security;

/// <summary>Claim types every authentication scheme of the API emits, so endpoints read one shape.</summary>
public static class MoocClaims
{
    public const string Kind = "mooc:kind";
    public const string Subject = "sub";
    public const string Scope = "scope";

    /// <summary>A course an API key is limited to (one claim per course; none: every course).</summary>
    public const string Course = "mooc:course";
}
