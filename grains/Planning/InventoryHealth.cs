namespace OrderGrid.Planning;

/// <summary>Inventory health measures of one warehouse and SKU: days of cover, turnover, overstock and dead stock.</summary>
public static class InventoryHealth
{
    /// <summary>The days of sales history that units sold a day and turnover count: the same window, so they agree.</summary>
    public const int SalesWindowDays = 90;

    /// <summary>
    /// A forecast of fewer units than this over its days is no demand forecast: days of cover would be the free stock
    /// divided by next to nothing (hundreds of thousands of days), and mean nothing to a planner.
    /// </summary>
    public const double MinimumForecastUnits = 1;

    /// <summary>
    /// Days the free stock lasts at the forecast's mean day: <c>max(free, 0) / (forecast total / forecast days)</c>;
    /// null ("no demand forecast") when the forecast holds less than <see cref="MinimumForecastUnits"/> over its days.
    /// </summary>
    public static double? DaysOfCover(double freeStock, double forecastTotal, int forecastDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(forecastTotal);
        ArgumentOutOfRangeException.ThrowIfLessThan(forecastDays, 1);
        return forecastTotal >= MinimumForecastUnits ? Math.Max(freeStock, 0) / (forecastTotal / forecastDays) : null;
    }

    /// <summary>How many times the stock turned over in a window: <c>units sold / stock on hand</c> over that window; null when no stock is held.</summary>
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

    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}