using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderGrid.Planning.Serving;

/// <summary>
/// A restock suggestion's id, <c>{version}~{yyyyMMdd}~{warehouseId}~{sku}</c> (SKUs and warehouse ids never hold
/// <c>~</c>), and the purchase order id an accepted suggestion becomes: derived from it, so that accepting twice orders
/// once, and the same SKU can be ordered again on another day.
/// </summary>
public static class SuggestionIds
{
    public static string For(long version, DateOnly day, string warehouseId, string sku) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}~{day:yyyyMMdd}~{warehouseId}~{sku}");

    public static (long Version, DateOnly Day, string WarehouseId, string Sku)? Parse(string? id)
    {
        var parts = id?.Split('~');
        return parts is [var version, var day, { Length: > 0 } warehouseId, { Length: > 0 } sku]
            && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            && DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (number, date, warehouseId, sku)
            : null;
    }

    public static string PurchaseOrderFor(string suggestionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(suggestionId));
        return "PO-" + Convert.ToHexString(hash, 0, 6);
    }
}