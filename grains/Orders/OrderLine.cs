using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>An order line at the price the catalog had when the order was placed.</summary>
[GenerateSerializer, Immutable, Alias("og.order-line")]
public sealed record OrderLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] ImmutableArray<LineAllocation> Allocations)
{
    public int Reserved => Allocations.Sum(a => a.Reserved);

    public int Backordered => Allocations.Sum(a => a.Backordered);

    public bool IsFullyReserved => Reserved >= Quantity;

    public decimal LineTotal => UnitPrice * Quantity;
}