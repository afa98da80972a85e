namespace OrderGrid.Orders;

/// <summary>Where an order came from. Every channel runs the same lifecycle.</summary>
[GenerateSerializer, Alias("og.sales-channel")]
public enum SalesChannel
{
    Web = 0,
    App = 1,
    Phone = 2,
    Email = 3,
    Store = 4,
}