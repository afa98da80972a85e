namespace OrderGrid.Orders;

/// <summary>Progress of one pick list through the warehouse.</summary>
[GenerateSerializer, Alias("og.pick-list-status")]
public enum PickListStatus
{
    Open = 0,
    Picked = 1,
    Packed = 2,
    Shipped = 3,
}