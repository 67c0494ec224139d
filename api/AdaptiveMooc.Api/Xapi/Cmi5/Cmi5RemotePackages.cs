using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// cmi5 packages hosted outside the platform (docs/XAPI.md, "cmi5"): a cmi5 lesson's <c>contentUrl</c> names the
/// package's <c>cmi5.xml</c> (or its folder, ending in <c>/</c>). The platform fetches it on the first launch (or
/// status, or waiver) and keeps the parsed structure for <see cref="CacheLifetime"/>: https only, at most
/// <see cref="Cmi5Package.MaxStructureBytes"/>, <see cref="Timeout"/>, no redirects, no proxy, and every address it
/// connects to checked when connecting (no private, loopback or other special-use address, so DNS answers cannot
/// point it inside the network). Loopback over http only with the test-only switch <c>Mooc:Webhooks:AllowLoopback</c>
/// (or in Development), as for webhook receivers.
/// </summary>
internal sealed class Cmi5RemotePackages : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    private const int MaxCached = 1000;

    private readonly HttpClient http;
    private readonly bool allowLoopback;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, (Cmi5Package Package, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public Cmi5RemotePackages(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        allowLoopback = configuration.GetValue<bool?>(Webhooks.WebhookUrlPolicy.AllowLoopbackKey) ?? environment.IsDevelopment();
        this.clock = clock;
        http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, cancellationToken),
        })
        {
            Timeout = Timeout,
            MaxResponseContentBufferSize = Cmi5Package.MaxStructureBytes,
        };
    }

    /// <summary>The address of the package's cmi5.xml for a lesson's contentUrl; throws <see cref="Cmi5PackageException"/> when it may not be fetched.</summary>
    public Uri StructureUrl(string contentUrl)
    {
        if (!Uri.TryCreate(contentUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
        {
            throw new Cmi5PackageException("The package's contentUrl must be an absolute https URL without credentials.");
        }

        var literal = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) ? address : null;
        var loopback = url.IsLoopback || (literal is not null && WebhookAddresses.IsLoopback(literal));
        if (loopback ? !allowLoopback : url.Scheme != "https" || (literal is not null && WebhookAddresses.IsSpecialUse(literal)))
        {
            throw new Cmi5PackageException("The package's contentUrl must be https on a public address (no private, loopback or other special-use address).");
        }

        return url.AbsolutePath.EndsWith('/') ? new Uri(url, "cmi5.xml") : url;
    }

    /// <summary>The package's structure, fetched (or from the cache); its AUs' relative urls resolve against <see cref="Cmi5Package.BaseUrl"/>.</summary>
    public async Task<Cmi5Package> GetAsync(string contentUrl, CancellationToken cancellationToken)
    {
        var url = StructureUrl(contentUrl);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(url.AbsoluteUri, out var cached) && cached.Until > now)
        {
            return cached.Package;
        }

        byte[] bytes;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new Cmi5PackageException($"Fetching the package's cmi5.xml answered {(int)response.StatusCode}.");
            }

            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new Cmi5PackageException($"The package's cmi5.xml could not be fetched (address refused, unreachable, too large or too slow): {e.GetType().Name}.");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var package = Cmi5Package.FromXml(stream) with { BaseUrl = url };
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[url.AbsoluteUri] = (package, now + CacheLifetime);
        return package;
    }

    public void Dispose() => http.Dispose();

    private async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
            }
            catch (SocketException)
            {
                addresses = [];
            }
        }

        if (addresses.Length == 0 || addresses.Any(a => !WebhookAddresses.MayConnect(a, allowLoopback)))
        {
            throw new HttpRequestException("The package's address is not allowed.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
