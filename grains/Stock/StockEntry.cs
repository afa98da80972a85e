using OrderGrid.Rules;

namespace OrderGrid.Stock;

/// <summary>What the warehouse holds (and owes) one order of this SKU.</summary>
/// <param name="Priority">How urgently its backorder is filled (before placed time).</param>
/// <param name="Hold">A cart's hold, not an order (see <see cref="StockDemand.Hold"/>).</param>
[GenerateSerializer, Immutable, Alias("og.stock-entry")]
public sealed record StockEntry(
    [property: Id(0)] int Reserved,
    [property: Id(1)] int Backordered,
    [property: Id(2)] DateTimeOffset PlacedAt,
    [property: Id(3)] long Version,
    [property: Id(4)] OrderPriority Priority = OrderPriority.Normal,
    [property: Id(5)] bool Hold = false);