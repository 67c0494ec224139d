namespace AdaptiveMooc.Api.Xapi;

/// <summary><c>Mooc:PublicBaseUrl</c>: the base of actor homePages and activity ids (CONTRACT.md, xAPI).</summary>
public sealed class XapiOptions
{
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    public string PublicBaseUrl { get; set; } = DefaultBaseUrl;

    public string Base => PublicBaseUrl.TrimEnd('/');
}
