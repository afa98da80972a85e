using System.Net;
using System.Net.Sockets;

namespace OrderGrid.Silo.Cluster;

internal static class FreePorts
{
    /// <summary>
    /// A loopback port nobody listens on right now. Another process may take it before the silo
    /// binds it; that race is accepted for development and tests.
    /// </summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}