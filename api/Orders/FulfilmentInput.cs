using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>How a placed order is fulfilled: <c>{"kind":"pickup","warehouseId":"STORE-1"}</c>; delivery when left out.</summary>
public sealed record FulfilmentInput(FulfilmentKind? Kind, string? WarehouseId = null)
{
    public const int MaxWarehouseIdLength = 64;

    public bool IsPickup => Kind == FulfilmentKind.Pickup;

    public void Validate(FieldErrors errors, string path)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Kind is null)
        {
            errors.Add($"{path}.kind", "Required: delivery or pickup.");
        }
        else if (IsPickup)
        {
            errors.Text($"{path}.warehouseId", WarehouseId, MaxWarehouseIdLength);
        }
    }

    public Fulfilment ToFulfilment() => IsPickup ? Fulfilment.Pickup(WarehouseId!.Trim()) : Fulfilment.Delivery;
}