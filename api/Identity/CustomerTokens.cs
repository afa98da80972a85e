using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using OrderGrid.Api.Customers;

namespace OrderGrid.Api.Identity;

/// <summary>
/// Signed, expiring customer tokens: <c>ogc1.{payload}.{signature}</c>, the payload being the expiry (Unix seconds) and
/// the customer id, the signature HMAC-SHA256 with a key of their own (<see cref="SigningKeys"/>). Sent as
/// <c>Authorization: Bearer …</c>; only sign-in issues them.
/// </summary>
public sealed class CustomerTokens(SigningKeys keys, TimeProvider clock)
{
    /// <summary>Every customer token starts with this, so it is never mistaken for a staff key (which may not).</summary>
    public const string Prefix = "ogc1.";

    /// <summary>A new token for <paramref name="customerId"/>, valid for <paramref name="lifetime"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string customerId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        var id = Encoding.UTF8.GetBytes(customerId);
        var payload = new byte[sizeof(long) + id.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expiresAt.ToUnixTimeSeconds());
        id.CopyTo(payload, sizeof(long));
        var signed = Prefix + Base64Url.EncodeToString(payload);
        return ($"{signed}.{Base64Url.EncodeToString(Sign(signed))}", expiresAt);
    }

    /// <summary>The customer a genuine, unexpired token names; null for anything else.</summary>
    public string? Read(string? token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 400)
        {
            return null;
        }

        var dot = token.LastIndexOf('.');
        if (dot <= Prefix.Length || !TryDecode(token[(dot + 1)..], out var signature) || !TryDecode(token[Prefix.Length..dot], out var payload)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(token[..dot])) || payload.Length <= sizeof(long))
        {
            return null;
        }

        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(payload);
        var customerId = Encoding.UTF8.GetString(payload.AsSpan(sizeof(long)));
        return expiresAt > clock.GetUtcNow().ToUnixTimeSeconds() && CustomerIds.IsWellFormed(customerId) ? customerId : null;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64UrlText.TryDecode(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private byte[] Sign(string signed) => HMACSHA256.HashData(keys.CustomerTokens, Encoding.ASCII.GetBytes(signed));
}