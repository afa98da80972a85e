using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Rules;

namespace OrderGrid.Waves;

/// <summary>What one warehouse must pick for one order, as the order change feed last told it.</summary>
/// <param name="Version">The order version this news comes from; older news is ignored.</param>
/// <param name="PickLists">The order's open pick lists in this warehouse; empty once none is left to pick.</param>
[GenerateSerializer, Immutable, Alias("og.order-pick-lists")]
public sealed record OrderPickLists(
    [property: Id(0)] string OrderId,
    [property: Id(1)] long Version,
    [property: Id(2)] OrderPriority Priority,
    [property: Id(3)] DateTimeOffset PlacedAt,
    [property: Id(4)] ImmutableArray<PickList> PickLists);