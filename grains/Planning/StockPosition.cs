namespace OrderGrid.Planning;

/// <summary>
/// One SKU's stock in one warehouse as restock sees it: on the shelf, promised to open orders (reserved from the shelf,
/// and backordered: promised but not there), and on its way.
/// </summary>
public sealed record StockPosition(int OnHand, int Reserved, int Backordered, IReadOnlyList<IncomingStock> Incoming)
{
    /// <summary>
    /// On hand − reserved − backordered: what is left once every promise is kept. Negative when orders wait for more
    /// than the shelf holds: those units are demand already, to be covered before any forecast demand.
    /// </summary>
    public int Free => OnHand - Reserved - Backordered;

    /// <summary>Free stock plus every incoming quantity, whatever its date: on hand − reserved − backordered + incoming.</summary>
    public int Position => Free + Incoming.Sum(incoming => incoming.Quantity);
}