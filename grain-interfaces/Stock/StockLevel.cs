namespace OrderGrid.Stock;

/// <summary>Stock of one SKU in one warehouse. Always: <c>OnHand = Available + Reserved</c>.</summary>
/// <param name="Backordered">Units that waiting orders still need here.</param>
/// <param name="Version">Grows with every change of this stock: a live client applies a pushed level only when it is newer.</param>
[GenerateSerializer, Immutable, Alias("og.stock-level")]
public sealed record StockLevel(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] string Sku,
    [property: Id(2)] int OnHand,
    [property: Id(3)] int Reserved,
    [property: Id(4)] int Available,
    [property: Id(5)] int Incoming,
    [property: Id(6)] int Backordered,
    [property: Id(7)] long Version);