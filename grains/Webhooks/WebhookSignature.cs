using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderGrid.Webhooks;

/// <summary>
/// The <c>X-OrderGrid-Signature</c> header: <c>sha256=</c> and the hex HMAC-SHA256, keyed with the subscription's
/// secret, of <c>{timestamp}.{body}</c>. The timestamp is signed too, so a receiver can refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, long timestamp, string body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(secret, timestamp, body)), Encoding.UTF8.GetBytes(signature));
}