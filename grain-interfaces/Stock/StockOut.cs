namespace OrderGrid.Stock;

/// <summary>
/// When a warehouse is out of a SKU: nothing left to promise (available ≤ 0), whether it never had any or it ran
/// out. The one rule the stock grain announces by and the wall shows by.
/// </summary>
public static class StockOut
{
    public static bool Is(int available) => available <= 0;

    public static bool Is(StockLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Is(level.Available);
    }
}