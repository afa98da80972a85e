using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>Something on the wall that needs a person: an order stuck past its status's time limit, a stock-out, a failed delivery.</summary>
/// <param name="Kind"><c>stuck</c>, <c>stockOut</c> or <c>deliveryException</c>.</param>
[GenerateSerializer, Immutable, Alias("og.wall-alert")]
public sealed record WallAlert(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? OrderId,
    [property: Id(2)] string? WarehouseId,
    [property: Id(3)] string? Sku,
    [property: Id(4)] OrderStatus? Status,
    [property: Id(5)] DateTimeOffset Since,
    [property: Id(6)] string Message)
{
    public const string Stuck = "stuck";
    public const string StockOut = "stockOut";
    public const string DeliveryException = "deliveryException";
}