namespace OrderGrid.Api.Stock;

/// <summary>One product's stock in the warehouse.</summary>
public sealed record WarehouseStockRow(
    string Sku,
    string Name,
    int OnHand,
    int Reserved,
    int Available,
    int Incoming,
    int Backordered,
    long Version,
    bool Low);