using System.Net;
using System.Net.Sockets;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>
/// The delivery worker's HTTP handler: every connection is opened by <see cref="ConnectAsync"/>, which
/// resolves the receiver's host itself and refuses it when ANY of its addresses is special-use
/// (<see cref="WebhookAddresses"/>), then connects only to the addresses it checked. Checking here, at
/// connect time, rather than at registration defeats DNS rebinding and names that resolve to
/// 127.0.0.1 or to the private network. Loopback is allowed only by the test-only switch
/// <see cref="WebhookOptions.AllowLoopback"/>. No proxy is used: a proxy would connect on our behalf
/// to an address this check never sees.
/// </summary>
internal static class WebhookConnector
{
    /// <summary>The text stored for a refused receiver: the same for every reason, so a dead letter tells nothing about the internal network.</summary>
    public const string Refused = "receiver address not allowed";

    public static SocketsHttpHandler CreateHandler(bool allowLoopback) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
    };

    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await ResolveAsync(endPoint.Host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !WebhookAddresses.MayConnect(a, allowLoopback)))
        {
            throw new WebhookAddressRefusedException();
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

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
