namespace OrderGrid.Planning;

/// <summary>
/// The restock arithmetic of one warehouse and SKU, from a daily demand forecast and the stock position. Pure: no
/// I/O, no clock, no grains. Days are the forecast's days, the first one being "today" (index 0).
/// </summary>
public static class Restock
{
    // Guards the rounding up of sums of floats: 30.0000001 units are 30, not 31.
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Less than this many units is no unit: a shortfall smaller than half a unit orders nothing, and expected demand
    /// must exceed the supply by at least this much to run out. Without it a forecast of 0.01 units a day would order
    /// one unit of a product nobody buys and call a shelf of zero "late".
    /// </summary>
    public const double HalfUnit = 0.5;

    /// <summary>
    /// Works out the restock figures, with <c>d[i]</c> the forecast quantity of day <c>i</c>, <c>σ[i]</c> its spread
    /// (see <see cref="DailySpread"/>), <c>L</c> the lead time, <c>R</c> the review period and <c>z</c> the
    /// <see cref="ServiceFactor"/> of the service level:
    /// <list type="bullet">
    /// <item>lead-time demand <c>D_L = Σ d[i]</c> for <c>i &lt; L</c>; its spread <c>σ_L = √Σ σ[i]²</c> (days independent);</item>
    /// <item>safety stock <c>SS = z·σ_L</c>; reorder point <c>s = D_L + SS</c>;</item>
    /// <item>order-up-to level <c>S = D_(L+R) + z·σ_(L+R)</c>: an order must cover demand until the order after it arrives;</item>
    /// <item>free stock <c>F = on hand − reserved − backordered</c> (negative when orders wait); position <c>P = F + Σ incoming</c>:
    /// backordered units are demand already, covered before any forecast demand;</item>
    /// <item>order quantity: 0 when <c>P &gt; s</c> or <c>S − P &lt; ½</c>, else <c>S − P</c> rounded up to whole units, raised
    /// to the minimum order, then rounded up to whole packs;</item>
    /// <item>stock-out: the first day <c>t</c> with <c>Σ_(i≤t) d[i] ≥ F + incoming expected on or before t + ½</c>
    /// (today when orders already wait and nothing arrives today);</item>
    /// <item>days of cover: see <see cref="InventoryHealth.DaysOfCover"/>; slack: days to the stock-out (the forecast
    /// length when none) minus <c>L</c>;</item>
    /// <item>urgency: <see cref="RestockUrgency.Late"/> when an order is due and slack &lt; 0, <see cref="RestockUrgency.OrderNow"/>
    /// when an order is due, <see cref="RestockUrgency.Watch"/> when none is due but the stock runs out within the
    /// forecast, none otherwise.</item>
    /// </list>
    /// </summary>
    /// <param name="forecast">Consecutive forecast days from today on, at least <c>L + R</c> of them.</param>
    /// <param name="stock">On hand, reserved, backordered and incoming stock.</param>
    /// <param name="policy">Lead time, review period, service level, minimum order and pack size.</param>
    /// <param name="intervalCoverage">The share of days the forecast's interval is meant to contain (the demand model's <see cref="DemandModelOptions.IntervalCoverage"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, quantity or probability is out of its range, or the forecast is shorter than <c>L + R</c>.</exception>
    public static RestockFigures Calculate(IReadOnlyList<ForecastDay> forecast, StockPosition stock, RestockPolicy policy, double intervalCoverage)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(stock);
        ArgumentNullException.ThrowIfNull(policy);
        Validate(stock, policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(forecast.Count, policy.LeadTimeDays + policy.ReviewDays, nameof(forecast));

        var z = ServiceFactor(policy.ServiceLevel);
        var leadTimeDemand = Demand(forecast, policy.LeadTimeDays);
        var safetyStock = z * Spread(forecast, policy.LeadTimeDays, intervalCoverage);
        var reorderPoint = leadTimeDemand + safetyStock;
        var protectedDays = policy.LeadTimeDays + policy.ReviewDays;
        var orderUpTo = Demand(forecast, protectedDays) + (z * Spread(forecast, protectedDays, intervalCoverage));
        var position = stock.Position;
        var quantity = position > reorderPoint ? 0 : OrderQuantity(orderUpTo - position, policy);
        var stockOut = StockOutDay(forecast, stock);
        var slack = (stockOut ?? forecast.Count) - policy.LeadTimeDays;
        return new RestockFigures(
            leadTimeDemand,
            safetyStock,
            reorderPoint,
            orderUpTo,
            position,
            quantity,
            stockOut is { } day ? forecast[day].Day : null,
            InventoryHealth.DaysOfCover(stock.Free, Demand(forecast, forecast.Count), forecast.Count),
            slack,
            Urgency(quantity, stockOut, slack));
    }

    /// <summary>
    /// A day's standard deviation read from its prediction interval, as if demand were normal around the forecast:
    /// a central interval holding <c>c</c> of the days spans <c>2·z((1 + c) / 2)·σ</c>, so
    /// <c>σ = (High − Low) / (2·z((1 + c) / 2))</c>. The model's interval is skewed and cut at zero, so this is an
    /// estimate of the spread, not a fit.
    /// </summary>
    public static double DailySpread(ForecastDay day, double intervalCoverage)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(intervalCoverage, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(intervalCoverage, 1);
        return (day.High - day.Low) / (2 * ServiceFactor((1 + intervalCoverage) / 2));
    }

    /// <summary>
    /// The service factor <c>z</c>: the standard normal quantile of <paramref name="serviceLevel"/>, so that
    /// demand stays below mean + <c>z·σ</c> with that probability (z(0.95) = 1.6449, z(0.99) = 2.3263). Computed with
    /// Acklam's rational approximation (relative error below 1.2e-9).
    /// </summary>
    public static double ServiceFactor(double serviceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(serviceLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(serviceLevel, 1);
        const double tail = 0.02425;
        if (serviceLevel < tail)
        {
            return LowerTail(Math.Sqrt(-2 * Math.Log(serviceLevel)));
        }

        if (serviceLevel > 1 - tail)
        {
            return -LowerTail(Math.Sqrt(-2 * Math.Log(1 - serviceLevel)));
        }

        var q = serviceLevel - 0.5;
        var r = q * q;
        return (((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r)
            + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * q)
            / ((((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r)
            + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r) + 1);
    }

    private static double LowerTail(double q) =>
        ((((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q)
            - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00)
        / ((((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q)
            + 3.754408661907416e+00) * q) + 1);

    private static void Validate(StockPosition stock, RestockPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stock.OnHand, nameof(stock.OnHand));
        ArgumentOutOfRangeException.ThrowIfNegative(stock.Reserved, nameof(stock.Reserved));
        ArgumentOutOfRangeException.ThrowIfNegative(stock.Backordered, nameof(stock.Backordered));
        ArgumentNullException.ThrowIfNull(stock.Incoming, nameof(stock.Incoming));
        foreach (var incoming in stock.Incoming)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(incoming.Quantity, nameof(stock.Incoming));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(policy.LeadTimeDays, nameof(policy.LeadTimeDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.ReviewDays, 1, nameof(policy.ReviewDays));
        ArgumentOutOfRangeException.ThrowIfNegative(policy.MinimumOrder, nameof(policy.MinimumOrder));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.PackSize, 1, nameof(policy.PackSize));
    }

    private static double Demand(IReadOnlyList<ForecastDay> forecast, int days) =>
        forecast.Take(days).Sum(day => (double)day.Quantity);

    private static double Spread(IReadOnlyList<ForecastDay> forecast, int days, double intervalCoverage) =>
        Math.Sqrt(forecast.Take(days).Sum(day => Math.Pow(DailySpread(day, intervalCoverage), 2)));

    private static string? Urgency(int quantity, int? stockOut, int slack) =>
        quantity > 0 ? (slack < 0 ? RestockUrgency.Late : RestockUrgency.OrderNow)
        : stockOut is not null ? RestockUrgency.Watch
        : null;

    private static int OrderQuantity(double shortfall, RestockPolicy policy)
    {
        if (shortfall < HalfUnit - Tolerance)
        {
            return 0;
        }

        var units = Math.Max((int)Math.Ceiling(shortfall - Tolerance), policy.MinimumOrder);
        return (int)Math.Ceiling(units / (double)policy.PackSize) * policy.PackSize;
    }

    private static int? StockOutDay(IReadOnlyList<ForecastDay> forecast, StockPosition stock)
    {
        var demand = 0.0;
        for (var i = 0; i < forecast.Count; i++)
        {
            demand += forecast[i].Quantity;
            var supply = stock.Free + stock.Incoming.Where(incoming => incoming.Expected <= forecast[i].Day).Sum(incoming => incoming.Quantity);
            if (demand >= supply + HalfUnit - Tolerance)
            {
                return i;
            }
        }

        return null;
    }
}