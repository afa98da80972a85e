using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>What the operations wall shows at a glance.</summary>
[GenerateSerializer, Immutable, Alias("og.order-wall-summary")]
public sealed record OrderWallSummary(
    [property: Id(0)] ImmutableDictionary<OrderStatus, int> ByStatus,
    [property: Id(1)] ImmutableDictionary<SalesChannel, int> ByChannel,
    [property: Id(2)] int PlacedLastMinute,
    [property: Id(3)] int PlacedLastHour,
    [property: Id(4)] int Total);