namespace OrderGrid.Orders;

/// <summary>How an order reaches its customer: a carrier delivers it, or the customer collects it at a store.</summary>
[GenerateSerializer, Alias("og.fulfilment-kind")]
public enum FulfilmentKind
{
    Delivery = 0,
    Pickup = 1,
}