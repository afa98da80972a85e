namespace OrderGrid.Orders;

/// <summary>The day last noted on an order's timeline for a waiting SKU, so that a day is noted once.</summary>
[GenerateSerializer, Immutable, Alias("og.order-expected-day")]
public sealed record ExpectedDay(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateOnly Day);