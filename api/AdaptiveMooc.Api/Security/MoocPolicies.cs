namespace AdaptiveMooc.Api.Security;

/// <summary>Authorization policy names for <c>.RequireAuthorization(...)</c>.</summary>
public static class MoocPolicies
{
    /// <summary>The admin key or an admin account.</summary>
    public const string Admin = "mooc:admin";

    /// <summary>A learner or trainer account (not an API key), e.g. for signing out.</summary>
    public const string Account = "mooc:account";
}
