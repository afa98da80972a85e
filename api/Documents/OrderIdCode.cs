using QRCoder;

namespace OrderGrid.Api.Documents;

/// <summary>The order id as a QR code in SVG, so a scanner at the packing bench or the door finds the order.</summary>
public static class OrderIdCode
{
    /// <summary>An inline <c>&lt;svg&gt;</c> element sized by its view box: the page's stylesheet decides its printed size.</summary>
    public static string Svg(string orderId) =>
        SvgQRCodeHelper.GetQRCode(
            orderId,
            pixelsPerModule: 4,
            darkColorHex: "#000000",
            lightColorHex: "#ffffff",
            eccLevel: QRCodeGenerator.ECCLevel.M,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
}