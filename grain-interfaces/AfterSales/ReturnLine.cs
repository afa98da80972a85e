namespace OrderGrid.AfterSales;

/// <summary>One returned SKU: the price paid, the warehouse it was shipped from, and what came back.</summary>
[GenerateSerializer, Immutable, Alias("og.return-line")]
public sealed record ReturnLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] string WarehouseId,
    [property: Id(5)] int Resaleable = 0,
    [property: Id(6)] int Damaged = 0)
{
    public int Received => Resaleable + Damaged;
}