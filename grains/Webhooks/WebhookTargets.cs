using System.Net;
using System.Net.Sockets;

namespace OrderGrid.Webhooks;

/// <summary>
/// Where webhooks may go: https addresses on the public internet. Never credentials in the URL; never the unspecified,
/// link-local (the cloud metadata service among them: 169.254.169.254, fd00:ec2::254), multicast, broadcast or reserved
/// addresses; loopback, private (RFC 1918), shared (CGNAT, 100.64/10) and unique-local (fc00::/7) addresses and plain
/// http only with <see cref="WebhookOptions.AllowDevelopmentTargets"/>. A literal address is checked when subscribing
/// (however it is spelled: <c>0x7f000001</c>, <c>2130706433</c>, <c>127.1</c> and IPv4-mapped IPv6 all parse to the
/// address they name); a name is checked on every address it resolves to, at delivery, by the connection itself.
/// </summary>
public static class WebhookTargets
{
    private static readonly IPAddress CloudMetadataV6 = IPAddress.Parse("fd00:ec2::254");
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Why a subscription to <paramref name="url"/> is refused, or null.</summary>
    public static string? UrlProblem(string url, bool allowDevelopmentTargets)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (NewWebhook.UrlProblem(url) is { } shape)
        {
            return shape;
        }

        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps && !allowDevelopmentTargets)
        {
            return "Must be an https:// address.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Must not carry credentials: the signature header authenticates each event.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && !IsAllowed(address, allowDevelopmentTargets)
            ? "Must be an address on the public internet: loopback, private, link-local, metadata, multicast and unspecified addresses are refused."
            : null;
    }

    /// <summary>True when events may be posted to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowDevelopmentTargets)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            var never = b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224;
            var local = b[0] == 127 || b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xC0) == 64);
            return !never && (!local || allowDevelopmentTargets);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) name an IPv4 address a gateway connects to: that one is judged.
        if (bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            return IsAllowed(new IPAddress(bytes.AsSpan(12, 4)), allowDevelopmentTargets);
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsAllowed(new IPAddress(bytes.AsSpan(2, 4)), allowDevelopmentTargets);
        }

        var forbidden = address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || address.Equals(CloudMetadataV6) || (bytes[0] == 0 && !address.Equals(IPAddress.IPv6Loopback));
        var localOnly = address.Equals(IPAddress.IPv6Loopback) || (bytes[0] & 0xFE) == 0xFC;
        return !forbidden && (!localOnly || allowDevelopmentTargets);
    }
}