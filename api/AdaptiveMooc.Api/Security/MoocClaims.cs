namespace AdaptiveMooc.Api.Security;

/// <summary>Claim types every authentication scheme of the API emits, so endpoints read one shape.</summary>
public static class MoocClaims
{
    public const string Kind = "mooc:kind";
    public const string Subject = "sub";
    public const string Scope = "scope";

    /// <summary>A course an API key is limited to (one claim per course; none: every course).</summary>
    public const string Course = "mooc:course";

    /// <summary>
    /// When an access token was issued, in Unix milliseconds: <c>iat</c> has whole seconds, too coarse to tell a
    /// token issued just before a revocation (password change or reset, deletion) from one issued just after.
    /// </summary>
    public const string IssuedAtMilliseconds = "mooc:iat_ms";
}
