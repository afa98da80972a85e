namespace OrderGrid.Orders;

/// <summary>The order's place in its lifecycle (the API's words).</summary>
[GenerateSerializer, Alias("og.order-status")]
public enum OrderStatus
{
    /// <summary>Accepted and about to be reserved; placement answers only after it has moved on.</summary>
    Placed = 0,
    AwaitingReview = 1,
    Reserved = 2,
    Backordered = 3,
    Processing = 4,
    PartiallyShipped = 5,
    Shipped = 6,
    InTransit = 7,
    OutForDelivery = 8,
    Delivered = 9,
    DeliveryException = 10,
    Completed = 11,
    Cancelled = 12,

    /// <summary>A pickup order is packed and waits in its store for the customer.</summary>
    ReadyForPickup = 13,
}