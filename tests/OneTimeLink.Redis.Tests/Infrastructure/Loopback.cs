using System.Net;
using System.Net.Sockets;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the servers the tests start.</summary>
internal static class Loopback
{
    /// <summary>A port that was free a moment ago: the system's pick for a listener on port 0, closed again.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
