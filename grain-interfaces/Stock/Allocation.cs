namespace OrderGrid.Stock;

/// <summary>What a warehouse holds for one order of one SKU.</summary>
/// <param name="Version">Grows with every change of this order's allocation here; older news is ignored.</param>
[GenerateSerializer, Immutable, Alias("og.allocation")]
public sealed record Allocation(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string OrderId,
    [property: Id(3)] int Reserved,
    [property: Id(4)] int Backordered,
    [property: Id(5)] long Version);