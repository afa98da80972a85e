namespace OrderGrid.Orders;

/// <summary>Why an order is held back.</summary>
[GenerateSerializer, Alias("og.hold-kind")]
public enum HoldKind
{
    Review = 0,
    OutOfStock = 1,
    Address = 2,
    Payment = 3,
}