namespace OrderGrid.Planning;

/// <summary>One SKU's stock in one warehouse: on the shelf, promised to open orders, and on its way.</summary>
public sealed record StockPosition(int OnHand, int Reserved, IReadOnlyList<IncomingStock> Incoming)
{
    /// <summary>On hand minus reserved: what can still be sold today.</summary>
    public int Free => OnHand - Reserved;

    /// <summary>Free stock plus every incoming quantity, whatever its date.</summary>
    public int Position => Free + Incoming.Sum(incoming => incoming.Quantity);
}