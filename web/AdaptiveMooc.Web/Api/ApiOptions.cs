using System.ComponentModel.DataAnnotations;

namespace AdaptiveMooc.Web.Api;

/// <summary><c>Mooc:Api</c>: where the public API answers, and the base its xAPI activity ids use.</summary>
public sealed class ApiOptions
{
    public const string Section = "Mooc:Api";

    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>The API's <c>Mooc:PublicBaseUrl</c>; defaults to <see cref="BaseUrl"/>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// A file holding an API key with only the <c>catalogue:read</c> scope: the API answers no anonymous caller, so
    /// the public pages (catalogue, course pages) read through it for visitors who have not signed in.
    /// </summary>
    public string? CatalogueKeyPath { get; set; }

    public string PublicBase => string.IsNullOrWhiteSpace(PublicBaseUrl) ? BaseUrl.ToString() : PublicBaseUrl;
}
