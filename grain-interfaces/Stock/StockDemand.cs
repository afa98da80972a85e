using OrderGrid.Rules;

namespace OrderGrid.Stock;

/// <summary>
/// How many units an order needs from this warehouse, in total. Absolute, so sending it again is harmless:
/// the same quantity changes nothing, a smaller one releases the difference, a larger one reserves more.
/// </summary>
/// <param name="Backorder">Queue what cannot be reserved now; otherwise reserve what is there and no more.</param>
/// <param name="PlacedAt">Waiting orders of one priority are filled oldest first.</param>
/// <param name="TakesOverHold">
/// A cart hold whose units this order takes over in the same step: the hold is dropped and its units go to this order
/// before anyone else can have them.
/// </param>
/// <param name="Priority">Waiting orders are filled most urgent first.</param>
/// <param name="Hold">
/// A cart's hold rather than an order: never backordered, and all holds of this stock together keep at most the configured
/// share of the units that orders have not reserved, so a flood of carts cannot empty the shelf for real orders.
/// </param>
[GenerateSerializer, Immutable, Alias("og.stock-demand")]
public sealed record StockDemand(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] bool Backorder,
    [property: Id(3)] DateTimeOffset PlacedAt,
    [property: Id(4)] string? TakesOverHold = null,
    [property: Id(5)] OrderPriority Priority = OrderPriority.Normal,
    [property: Id(6)] bool Hold = false);