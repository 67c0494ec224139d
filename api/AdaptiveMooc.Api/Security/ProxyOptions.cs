namespace AdaptiveMooc.Api.Security;

/// <summary>
/// The reverse proxies the API trusts (section <c>Mooc:Proxy</c>): <c>KnownProxies</c> (IP addresses) and
/// <c>KnownNetworks</c> (CIDR). Only a request arriving from one of them has its <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c> applied, so rate limits and sign-in throttles see the real client address
/// behind the documented TLS proxy; with none configured the headers are ignored (a direct client
/// cannot choose its address by sending them).
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Mooc:Proxy";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
