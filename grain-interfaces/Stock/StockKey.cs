namespace OrderGrid.Stock;

/// <summary>The key of a SKU stock grain: <c>{warehouseId}/{sku}</c>.</summary>
public static class StockKey
{
    public static string For(string warehouseId, string sku) => $"{warehouseId}/{sku}";

    public static (string WarehouseId, string Sku) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? throw new ArgumentException($"'{key}' is not a stock key.", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }
}