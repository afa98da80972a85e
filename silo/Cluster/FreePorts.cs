using System.Net;
using System.Net.Sockets;

namespace OrderGrid.Silo.Cluster;

internal static class FreePorts
{
    /// <summary>
    /// A loopback port nobody listens on right now and that is none of <paramref name="taken"/> (ports this
    /// process already chose but has not bound yet: the system may hand a just-closed port out again). Another
    /// process may take it before the silo binds it; that race is accepted for development and tests.
    /// </summary>
    public static int Pick(params ReadOnlySpan<int> taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }
}