using AdaptiveMooc.Api.Accounts;
using AdaptiveMooc.Api.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// The Content-Security-Policy of a cmi5 package's files (docs/SECURITY.md, "cmi5 package content"). Unlike the
/// API's JSON, these pages run their own scripts: scripts, styles, images, media, fonts and requests from the API's
/// own origin (inline scripts and eval too, which authoring tools' packages rely on), nothing from elsewhere, no
/// plugins; framed only by the API itself and the web app (<c>Mooc:Mail:WebBaseUrl</c> and <c>Mooc:Cors:AllowedOrigins</c>).
/// </summary>
internal sealed class Cmi5ContentPolicy
{
    public Cmi5ContentPolicy(IOptions<AccountOptions> accounts, IOptions<XapiOptions> xapi, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(xapi);
        var web = new[] { accounts.Value.WebBaseUrl }
            .Concat(configuration.GetSection(MoocCorsOptions.Section).Get<MoocCorsOptions>()?.AllowedOrigins ?? [])
            .Select(Origin).OfType<string>().Distinct(StringComparer.Ordinal);
        var api = Origin(xapi.Value.Base) is { } origin ? " " + origin : string.Empty;
        Header = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; "
            + $"connect-src 'self'{api}; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + $"frame-ancestors 'self' {string.Join(' ', web)}".TrimEnd();
    }

    public string Header { get; }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
