namespace OrderGrid.Planning;

/// <summary>A warehouse's inventory health: every SKU's row, and the overstock and dead-stock lists drawn from them.</summary>
/// <param name="SalesWindowDays">The days of sales history <see cref="InventoryHealthRow.SoldPerDay"/> and <see cref="InventoryHealthRow.Turnover"/> count.</param>
/// <param name="MedianDaysOfCover">The median days of cover of the SKUs with a demand forecast; null when none has one.</param>
/// <param name="WithoutForecast">SKUs with no demand forecast (less than one unit over the forecast): no days of cover, left out of the median.</param>
[GenerateSerializer, Immutable, Alias("og.inventory-health")]
public sealed record InventoryHealthView(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] long? ModelVersion,
    [property: Id(2)] int OverstockDays,
    [property: Id(3)] int DeadStockDays,
    [property: Id(7)] int SalesWindowDays,
    [property: Id(8)] double? MedianDaysOfCover,
    [property: Id(9)] int WithoutForecast,
    [property: Id(4)] IReadOnlyList<InventoryHealthRow> Rows,
    [property: Id(5)] IReadOnlyList<InventoryHealthRow> Overstock,
    [property: Id(6)] IReadOnlyList<InventoryHealthRow> DeadStock);