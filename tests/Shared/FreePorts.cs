using System.Net;
using System.Net.Sockets;

namespace AdaptiveMooc.Tests.Shared;

/// <summary>TCP ports nobody listens on right now, for silos, gateways and HTTP servers a test starts.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
