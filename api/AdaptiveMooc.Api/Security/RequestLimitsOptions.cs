namespace AdaptiveMooc.Api.Security;

/// <summary>Section <c>Mooc:Limits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Mooc:Limits";

    /// <summary>
    /// Largest request body Kestrel accepts (413 beyond). A course of 2,000 lessons fits; endpoints
    /// that need more or less say so with <c>WithRequestBodyLimit</c>.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
