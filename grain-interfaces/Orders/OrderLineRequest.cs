namespace OrderGrid.Orders;

/// <summary>One line as the customer asks for it; the price always comes from the catalog.</summary>
[GenerateSerializer, Immutable, Alias("og.order-line-request")]
public sealed record OrderLineRequest(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);