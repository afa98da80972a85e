using System.Buffers.Text;

namespace OrderGrid.Api.Identity;

/// <summary>Reading base64url from callers, who may send anything: a bad text is a false, never an exception.</summary>
internal static class Base64UrlText
{
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> bytes, out int written)
    {
        written = 0;
        try
        {
            return Base64Url.IsValid(text) && Base64Url.TryDecodeFromChars(text, bytes, out written);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}