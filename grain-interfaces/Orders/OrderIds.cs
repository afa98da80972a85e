using System.Security.Cryptography;
using System.Text;

namespace OrderGrid.Orders;

/// <summary>
/// Order ids look like <c>OG-7K3M-2Q9F</c>: 40 bits in Crockford base32 (no I, L, O, U), short enough to read
/// over the phone. Retried requests with an idempotency key map to the same id, so they reach the same order grain.
/// </summary>
public static class OrderIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly System.Buffers.SearchValues<char> AlphabetChars = System.Buffers.SearchValues.Create(Alphabet);

    public static string New() => Format(RandomNumberGenerator.GetBytes(5), "OG");

    /// <summary>The id for a customer's request with an idempotency key; the key is scoped to the customer.</summary>
    public static string ForIdempotencyKey(string customerId, string idempotencyKey) =>
        Format(SHA256.HashData(Encoding.UTF8.GetBytes($"{customerId}\n{idempotencyKey}")), "OG");

    /// <summary>A shipment id in the same shape, prefixed <c>SH</c>.</summary>
    public static string NewShipmentId() => Format(RandomNumberGenerator.GetBytes(5), "SH");

    /// <summary>Whether <paramref name="value"/> has the shape of an id with this prefix.</summary>
    public static bool IsWellFormed(string? value, string prefix = "OG") =>
        value is not null
        && value.Length == prefix.Length + 10
        && value.StartsWith(prefix + "-", StringComparison.Ordinal)
        && value[prefix.Length + 5] == '-'
        && value.AsSpan(prefix.Length + 1, 4).IndexOfAnyExcept(AlphabetChars) < 0
        && value.AsSpan(prefix.Length + 6, 4).IndexOfAnyExcept(AlphabetChars) < 0;

    private static string Format(ReadOnlySpan<byte> bytes, string prefix)
    {
        ulong bits = 0;
        for (var i = 0; i < 5; i++)
        {
            bits = (bits << 8) | bytes[i];
        }

        Span<char> chars = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return $"{prefix}-{chars[..4]}-{chars[4..]}";
    }
}