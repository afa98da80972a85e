using System.Security.Cryptography;
using System.Text;

using OrderGrid.Orders;

namespace OrderGrid.Merges;

/// <summary>
/// Merge ids look like <c>MG-4F2A-91C0</c> and are derived from the merged order ids, whatever their order, so a
/// retried merge reaches the same merge.
/// </summary>
public static class MergeIds
{
    /// <summary>The most orders one merge takes.</summary>
    public const int MaxOrders = 10;

    public static string For(IEnumerable<string> orderIds)
    {
        var key = string.Join('\n', orderIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return $"MG-{hex[..4]}-{hex[4..8]}";
    }

    public static bool IsWellFormed(string? value) => OrderIds.IsWellFormed(value, "MG");
}