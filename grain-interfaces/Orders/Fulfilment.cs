namespace OrderGrid.Orders;

/// <summary>How an order is fulfilled; a pickup names the store warehouse where the customer collects it.</summary>
[GenerateSerializer, Immutable, Alias("og.fulfilment")]
public sealed record Fulfilment(
    [property: Id(0)] FulfilmentKind Kind,
    [property: Id(1)] string? WarehouseId = null)
{
    public static Fulfilment Delivery { get; } = new(FulfilmentKind.Delivery);

    public static Fulfilment Pickup(string warehouseId) => new(FulfilmentKind.Pickup, warehouseId);

    public bool IsPickup => Kind == FulfilmentKind.Pickup;
}