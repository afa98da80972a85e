using System.Text;

namespace OrderGrid.Silo.Seed;

/// <summary>Deterministic demo stock levels: the same SKU and warehouse always get the same quantity.</summary>
public static class DemoStock
{
    /// <summary>0..200 units; about one pair in ten gets none, so that backorders and split sourcing happen.</summary>
    public static int QuantityFor(string warehouseId, string sku)
    {
        var hash = Fnv1a($"{warehouseId}/{sku}");
        return hash % 10 == 0 ? 0 : (int)(1 + (hash / 10 % 200));
    }

    // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}