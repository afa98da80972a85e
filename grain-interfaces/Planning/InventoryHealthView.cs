namespace OrderGrid.Planning;

/// <summary>A warehouse's inventory health: every SKU's row, and the overstock and dead-stock lists drawn from them.</summary>
[GenerateSerializer, Immutable, Alias("og.inventory-health")]
public sealed record InventoryHealthView(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] long? ModelVersion,
    [property: Id(2)] int OverstockDays,
    [property: Id(3)] int DeadStockDays,
    [property: Id(4)] IReadOnlyList<InventoryHealthRow> Rows,
    [property: Id(5)] IReadOnlyList<InventoryHealthRow> Overstock,
    [property: Id(6)] IReadOnlyList<InventoryHealthRow> DeadStock);