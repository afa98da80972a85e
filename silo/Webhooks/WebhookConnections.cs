using System.Net;
using System.Net.Sockets;

using Microsoft.Extensions.Options;

using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>
/// The only way webhook posts reach the network: the host name is resolved here, every address it resolves to is
/// checked (<see cref="WebhookTargets.IsAllowed"/>), and the socket connects to those checked addresses, never to a
/// name resolved again later — so a name that changes its answer between subscription and delivery (DNS rebinding)
/// gains nothing. Redirects are not followed and no proxy is used: either would connect somewhere unchecked.
/// </summary>
internal static class WebhookConnections
{
    public static SocketsHttpHandler Handler(IOptions<WebhookOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => Connect(context.DnsEndPoint, options.Value.AllowDevelopmentTargets, cancellationToken),
    };

    private static async ValueTask<Stream> Connect(DnsEndPoint endpoint, bool allowDevelopmentTargets, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !WebhookTargets.IsAllowed(a, allowDevelopmentTargets)))
        {
            throw new WebhookTargetRefusedException(endpoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook's host resolved to an address events may not go to.</summary>
internal sealed class WebhookTargetRefusedException(string host) : Exception($"{host} resolves to an address webhooks may not reach.");