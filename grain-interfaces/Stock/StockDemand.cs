namespace OrderGrid.Stock;

/// <summary>
/// How many units an order needs from this warehouse, in total. Absolute, so sending it again is harmless:
/// the same quantity changes nothing, a smaller one releases the difference, a larger one reserves more.
/// </summary>
/// <param name="Backorder">Queue what cannot be reserved now; otherwise reserve what is there and no more.</param>
/// <param name="PlacedAt">Waiting orders are filled oldest first.</param>
[GenerateSerializer, Immutable, Alias("og.stock-demand")]
public sealed record StockDemand(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] bool Backorder,
    [property: Id(3)] DateTimeOffset PlacedAt);