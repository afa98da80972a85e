namespace OrderGrid.Planning;

/// <summary>
/// One SKU's daily demand as the model reads it: the known days, then the forecast days appended one at a time
/// (the forecast is recursive, so later days' lags read earlier forecasts). Running sums keep every feature O(1)
/// or O(28) per day.
/// </summary>
internal sealed class DemandSeries
{
    /// <summary>The window of the rolling means, the longest lag and the price.</summary>
    public const int Window = 28;

    private const float CapDays = 365f;

    private readonly float[] values;
    private readonly double[] sums;
    private readonly int[] salesDays;
    private readonly float[] prices;
    private readonly int known;

    public DemandSeries(ReadOnlySpan<float> quantities, ReadOnlySpan<float> revenues, int extraDays)
    {
        known = quantities.Length;
        values = new float[known + extraDays];
        sums = new double[known + extraDays + 1];
        salesDays = new int[known + extraDays + 1];
        prices = new float[known + 1];
        FirstSale = quantities.IndexOfAnyExcept(0f);
        for (var t = 0; t < known; t++)
        {
            Set(t, quantities[t]);
        }

        Length = known;
        double windowQuantity = 0, windowRevenue = 0;
        var last = 0f;
        for (var t = 0; t <= known; t++)
        {
            // The price as of day t: volume-weighted over the window before it, else the last one seen.
            prices[t] = windowQuantity > 0 ? (float)(windowRevenue / windowQuantity) : last;
            last = prices[t];
            if (t == known)
            {
                break;
            }

            windowQuantity += quantities[t];
            windowRevenue += revenues[t];
            if (t >= Window)
            {
                windowQuantity -= quantities[t - Window];
                windowRevenue -= revenues[t - Window];
            }
        }
    }

    /// <summary>The first day with a sale, or -1.</summary>
    public int FirstSale { get; }

    /// <summary>Days known or forecast so far.</summary>
    public int Length { get; private set; }

    public float this[int t] => values[t];

    public void Append(float forecast)
    {
        Set(Length, forecast);
        Length++;
    }

    /// <summary>The features of day <paramref name="t"/> (0-based from the history's start), from the days before it only.</summary>
    public void Describe(int t, DateOnly day, Span<float> features)
    {
        features[DemandFeatures.Lag1] = Lag(t, 1);
        features[DemandFeatures.Lag7] = Lag(t, 7);
        features[DemandFeatures.Lag14] = Lag(t, 14);
        features[DemandFeatures.Lag28] = Lag(t, 28);
        features[DemandFeatures.SameWeekdayMean4] = (Lag(t, 7) + Lag(t, 14) + Lag(t, 21) + Lag(t, 28)) / 4f;
        features[DemandFeatures.Mean7] = Mean(t, 7);
        features[DemandFeatures.Mean28] = Mean(t, Window);
        features[DemandFeatures.SalesDayShare28] = (float)(salesDays[t] - salesDays[Math.Max(0, t - Window)]) / Math.Min(t, Window);
        features[DemandFeatures.DaysSinceLastSale] = DaysSinceLastSale(t);
        var age = t - FirstSale;
        features[DemandFeatures.SkuMean] = (float)((sums[t] - sums[FirstSale]) / age);
        features[DemandFeatures.SkuIntermittency] = 1f - ((float)(salesDays[t] - salesDays[FirstSale]) / age);
        features[DemandFeatures.SkuAge] = Math.Min(age, CapDays);
        features[DemandFeatures.Weekday] = (float)day.DayOfWeek;
        features[DemandFeatures.DayOfMonth] = day.Day;
        features[DemandFeatures.Price] = prices[Math.Min(t, known)];
    }

    /// <summary>Mean of the <paramref name="days"/> before day <paramref name="t"/>.</summary>
    public float Mean(int t, int days) => (float)((sums[t] - sums[Math.Max(0, t - days)]) / Math.Min(t, days));

    private float Lag(int t, int days) => t - days >= 0 ? values[t - days] : 0f;

    private float DaysSinceLastSale(int t)
    {
        // Forecast days count as sales days when the forecast is at least half a unit.
        for (var back = 1; back <= CapDays && t - back >= 0; back++)
        {
            if (values[t - back] >= 0.5f)
            {
                return back;
            }
        }

        return CapDays;
    }

    private void Set(int t, float value)
    {
        values[t] = value;
        sums[t + 1] = sums[t] + value;
        salesDays[t + 1] = salesDays[t] + (value >= 0.5f ? 1 : 0);
    }
}