namespace OrderGrid.Planning;

/// <summary>Inventory health measures of one warehouse and SKU: days of cover, turnover, overstock and dead stock.</summary>
public static class InventoryHealth
{
    /// <summary>Days the free stock lasts at the daily demand: <c>max(free, 0) / daily demand</c>; null when no demand is expected.</summary>
    public static double? DaysOfCover(double freeStock, double dailyDemand)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyDemand);
        return dailyDemand > 0 ? Math.Max(freeStock, 0) / dailyDemand : null;
    }

    /// <summary>How many times the stock turned over in a window: <c>units sold / mean stock on hand</c> over that window; null when no stock was held.</summary>
    public static double? Turnover(double unitsSold, double meanStock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitsSold);
        ArgumentOutOfRangeException.ThrowIfNegative(meanStock);
        return meanStock > 0 ? unitsSold / meanStock : null;
    }

    /// <summary>
    /// True when the free stock covers more than <paramref name="days"/> days of demand (<c>free &gt; days × daily demand</c>),
    /// which includes any free stock of a SKU with no demand.
    /// </summary>
    public static bool IsOverstocked(double freeStock, double dailyDemand, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyDemand);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return freeStock > 0 && freeStock > days * dailyDemand;
    }

    /// <summary>
    /// True when there is stock on hand and nothing sold in the <paramref name="days"/> days up to
    /// <paramref name="today"/>: the last sale (null: never sold) is <paramref name="days"/> or more days ago.
    /// </summary>
    public static bool IsDeadStock(int onHand, DateOnly? lastSale, DateOnly today, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return onHand > 0 && (lastSale is not { } sold || today.DayNumber - sold.DayNumber >= days);
    }
}