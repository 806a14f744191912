using System.Net;
using System.Net.Sockets;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the servers the tests start.</summary>
internal static class Loopback
{
    /// <summary>A port that was free a moment ago: the system's pick for a listener on port 0, closed again.</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// <paramref name="count"/> ports that were free a moment ago, all different: each listener stays open until all are
    /// picked, as the system may hand a port it just got back to the next listener.
    /// </summary>
    public static int[] FreePorts(int count)
    {
        TcpListener[] listeners = [.. Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0))];
        try
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
