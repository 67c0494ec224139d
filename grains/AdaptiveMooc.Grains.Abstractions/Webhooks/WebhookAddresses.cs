using System.Net;
using System.Net.Sockets;

namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>
/// Which IP addresses a webhook delivery may connect to: public unicast only. The list is the IANA
/// special-purpose address registries (IPv4 and IPv6) plus multicast and the reserved 240/4; an
/// IPv4-mapped (<c>::ffff:a.b.c.d</c>) or IPv4-compatible address is judged as the IPv4 address it
/// carries, and NAT64 (<c>64:ff9b::/96</c>, <c>64:ff9b:1::/48</c>) is refused whole, since it reaches
/// IPv4 space through a translator. The API checks literal addresses at registration; the silo checks
/// every resolved address again when it connects (<c>SocketsHttpHandler.ConnectCallback</c>).
/// </summary>
public static class WebhookAddresses
{
    private static readonly IPNetwork[] V4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network"
        IPNetwork.Parse("10.0.0.0/8"), // private
        IPNetwork.Parse("100.64.0.0/10"), // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"), // loopback
        IPNetwork.Parse("169.254.0.0/16"), // link-local (cloud metadata services live here)
        IPNetwork.Parse("172.16.0.0/12"), // private
        IPNetwork.Parse("192.0.0.0/24"), // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"), // TEST-NET-1
        IPNetwork.Parse("192.31.196.0/24"), // AS112
        IPNetwork.Parse("192.52.193.0/24"), // AMT
        IPNetwork.Parse("192.88.99.0/24"), // deprecated 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"), // private
        IPNetwork.Parse("192.175.48.0/24"), // direct delegation AS112
        IPNetwork.Parse("198.18.0.0/15"), // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // TEST-NET-2
        IPNetwork.Parse("203.0.113.0/24"), // TEST-NET-3
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, including 255.255.255.255
    ];

    private static readonly IPNetwork[] V6 =
    [
        IPNetwork.Parse("::/128"), // unspecified
        IPNetwork.Parse("::1/128"), // loopback
        IPNetwork.Parse("64:ff9b::/96"), // NAT64
        IPNetwork.Parse("64:ff9b:1::/48"), // local-use NAT64
        IPNetwork.Parse("100::/64"), // discard-only
        IPNetwork.Parse("2001::/23"), // IETF protocol assignments (Teredo, benchmarking, ORCHID, ...)
        IPNetwork.Parse("2001:db8::/32"), // documentation
        IPNetwork.Parse("2002::/16"), // 6to4: embeds any IPv4 address
        IPNetwork.Parse("3fff::/20"), // documentation
        IPNetwork.Parse("5f00::/16"), // SRv6 SIDs
        IPNetwork.Parse("fc00::/7"), // unique local
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("fec0::/10"), // deprecated site-local
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    private static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork V4Translated = IPNetwork.Parse("::ffff:0:0:0/96");

    /// <summary>True when <paramref name="address"/> is anything but a public unicast address.</summary>
    public static bool IsSpecialUse(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v4 = EmbeddedIPv4(address) ?? (address.AddressFamily == AddressFamily.InterNetwork ? address : null);
        if (v4 is not null)
        {
            return V4.Any(n => n.Contains(v4));
        }

        return address.AddressFamily != AddressFamily.InterNetworkV6 || V6.Any(n => n.Contains(address));
    }

    /// <summary>Loopback in either family, including the IPv4-mapped form of 127.0.0.0/8.</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v4 = EmbeddedIPv4(address) ?? address;
        return IPAddress.IsLoopback(v4);
    }

    /// <summary>
    /// Whether a delivery may connect to <paramref name="address"/>: public unicast, or loopback when
    /// <paramref name="allowLoopback"/> (the documented test-only switch <c>Mooc:Webhooks:AllowLoopback</c>).
    /// </summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback) =>
        !IsSpecialUse(address) || (allowLoopback && IsLoopback(address));

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        // IPNetwork.Contains does not match ::ffff:a.b.c.d against ::ffff:0:0/96, hence the property.
        if (address.IsIPv4MappedToIPv6 || V4Translated.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 themselves are judged as IPv6.
        if (V4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return null;
    }
}
