namespace OrderGrid.Planning.Serving;

/// <summary>Units of one SKU one warehouse sold in a window.</summary>
public readonly record struct WarehouseSales(string WarehouseId, string Sku, int Quantity);