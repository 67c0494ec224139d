namespace AdaptiveMooc.Api.Security;

/// <summary>Section <c>Mooc:Cors</c>. Empty (the default) means no cross-origin browser access at all.</summary>
public sealed class MoocCorsOptions
{
    public const string Section = "Mooc:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
