using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>
/// Everything the operations wall shows, as of <paramref name="Revision"/> (grows with every change the wall hears
/// of; a client applies a pushed snapshot only when its revision is greater than the one on screen).
/// </summary>
/// <param name="StockOuts">How many SKUs each warehouse is out of, all of them; <paramref name="Alerts"/> lists the
/// longest-standing few of each warehouse.</param>
/// <param name="Currency">The ISO 4217 code of the amounts the wall shows (the catalog's, <c>OrderGrid:Catalog:Currency</c>).</param>
[GenerateSerializer, Immutable, Alias("og.wall-snapshot")]
public sealed record WallSnapshot(
    [property: Id(0)] long Revision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableDictionary<OrderStatus, int> ByStatus,
    [property: Id(3)] ImmutableDictionary<SalesChannel, int> ByChannel,
    [property: Id(4)] int PlacedLastMinute,
    [property: Id(5)] int PlacedLastHour,
    [property: Id(6)] int Total,
    [property: Id(7)] ImmutableArray<MinuteCount> OrdersPerMinute,
    [property: Id(8)] ImmutableArray<QueuedOrder> ReviewQueue,
    [property: Id(9)] ImmutableArray<QueuedOrder> Backorders,
    [property: Id(10)] ImmutableArray<WallAlert> Alerts,
    [property: Id(11)] ImmutableDictionary<string, int> StockOuts,
    [property: Id(12)] string Currency);