using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>A line of an order with how much of it is reserved and how much waits for stock.</summary>
[GenerateSerializer, Immutable, Alias("og.order-line-view")]
public sealed record OrderLineView(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] decimal LineTotal,
    [property: Id(5)] int ReservedQuantity,
    [property: Id(6)] int BackorderedQuantity,
    [property: Id(7)] ImmutableArray<LineAllocationView> Allocations);