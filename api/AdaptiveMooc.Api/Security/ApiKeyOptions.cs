namespace AdaptiveMooc.Api.Security;

/// <summary>Section <c>Mooc:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Mooc:ApiKeys";

    /// <summary>
    /// How long this API process trusts a verified key without asking its grain again. A key revoked
    /// through another API process keeps working here for at most this long; the process that revokes
    /// forgets it at once.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
