using System.Buffers.Text;
using System.Security.Cryptography;

using OrderGrid.Api.Identity;

namespace OrderGrid.Api.Carts;

/// <summary>
/// Cart ids are capabilities, like tracking tokens: 128 random bits and a 128-bit signature of them (HMAC-SHA256 with a
/// key of their own, <see cref="SigningKeys"/>), 43 characters of base64url. A request naming a cart is checked here
/// before any grain is called, so an id the server never issued answers 404 without activating anything.
/// </summary>
public sealed class CartIds(SigningKeys keys)
{
    public const int Length = 43;

    private const int RandomBytes = 16;
    private const int SignatureBytes = 16;

    public string New()
    {
        Span<byte> id = stackalloc byte[RandomBytes + SignatureBytes];
        RandomNumberGenerator.Fill(id[..RandomBytes]);
        Sign(id[..RandomBytes], id[RandomBytes..]);
        return Base64Url.EncodeToString(id);
    }

    /// <summary>Whether the server issued this id (compared in constant time).</summary>
    public bool IsGenuine(string? cartId)
    {
        if (cartId is not { Length: Length })
        {
            return false;
        }

        Span<byte> id = stackalloc byte[Base64Url.GetMaxDecodedLength(Length)];
        if (!Base64UrlText.TryDecode(cartId, id, out var written) || written != RandomBytes + SignatureBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        Sign(id[..RandomBytes], expected);
        return CryptographicOperations.FixedTimeEquals(expected, id[RandomBytes..written])
            && string.Equals(Base64Url.EncodeToString(id[..written]), cartId, StringComparison.Ordinal);
    }

    private void Sign(ReadOnlySpan<byte> random, Span<byte> signature)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(keys.CartIds, random, mac);
        mac[..SignatureBytes].CopyTo(signature);
    }
}