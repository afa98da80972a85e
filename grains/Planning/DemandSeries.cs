namespace OrderGrid.Planning;

/// <summary>
/// One SKU's daily demand as the model reads it. A forecast is direct: the features of a forecast day are read from
/// the days before its origin only, never from other forecasts, so every lead is forecast from the same known days.
/// Running sums keep the means O(1); the rest is at most a scan of the last 91 or 365 days per origin.
/// </summary>
internal sealed class DemandSeries
{
    /// <summary>The window of the short means and of the price; the fewest days before an origin the model reads.</summary>
    public const int Window = 28;

    /// <summary>The window of the long means and of a sales day's typical size.</summary>
    public const int LongWindow = 91;

    private const float CapDays = 365f;

    private readonly float[] values;
    private readonly double[] sums;
    private readonly int[] salesDays;
    private readonly float[] prices;

    public DemandSeries(ReadOnlySpan<float> quantities, ReadOnlySpan<float> revenues)
    {
        Length = quantities.Length;
        values = quantities.ToArray();
        sums = new double[Length + 1];
        salesDays = new int[Length + 1];
        prices = new float[Length + 1];
        FirstSale = quantities.IndexOfAnyExcept(0f);
        double windowQuantity = 0, windowRevenue = 0;
        var last = 0f;
        for (var t = 0; t <= Length; t++)
        {
            // The price as of day t: volume-weighted over the window before it, else the last one seen.
            prices[t] = windowQuantity > 0 ? (float)(windowRevenue / windowQuantity) : last;
            last = prices[t];
            if (t == Length)
            {
                break;
            }

            sums[t + 1] = sums[t] + quantities[t];
            salesDays[t + 1] = salesDays[t] + (quantities[t] > 0 ? 1 : 0);
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

    /// <summary>Days known.</summary>
    public int Length { get; }

    public float this[int t] => values[t];

    /// <summary>Whether a forecast can be made from <paramref name="origin"/>: the SKU sold before it.</summary>
    public bool Knows(int origin) => FirstSale >= 0 && FirstSale < origin && origin <= Length;

    /// <summary>The features of the SKU as of <paramref name="origin"/> (0-based from the history's start), read from the days before it.</summary>
    public void DescribeOrigin(int origin, Span<float> features)
    {
        var t = origin;
        features[DemandFeatures.Lag1] = Lag(t, 1);
        features[DemandFeatures.Mean7] = Mean(t, 7);
        features[DemandFeatures.Mean14] = Mean(t, 14);
        features[DemandFeatures.Mean28] = Mean(t, Window);
        features[DemandFeatures.Mean91] = Mean(t, LongWindow);
        features[DemandFeatures.Mean28Before] = Mean(t - Window, Window);
        features[DemandFeatures.SalesDayShare28] = SalesDayShare(t, Window);
        features[DemandFeatures.SalesDayShare91] = SalesDayShare(t, LongWindow);
        var (max, median, perSalesDay) = Sizes(t);
        features[DemandFeatures.Max28] = max;
        features[DemandFeatures.MedianSalesDay91] = median;
        features[DemandFeatures.UnitsPerSalesDay91] = perSalesDay;
        features[DemandFeatures.DaysSinceLastSale] = DaysSinceLastSale(t);
        var age = t - FirstSale;
        features[DemandFeatures.SkuMean] = (float)((sums[t] - sums[FirstSale]) / age);
        features[DemandFeatures.SkuIntermittency] = 1f - ((float)(salesDays[t] - salesDays[FirstSale]) / age);
        features[DemandFeatures.SkuAge] = Math.Min(age, CapDays);
        features[DemandFeatures.Price] = prices[t];
    }

    /// <summary>
    /// The features of the forecast day <paramref name="lead"/> days after <paramref name="origin"/>, which is
    /// <paramref name="day"/>; the origin's features must be in <paramref name="features"/> already.
    /// </summary>
    public void DescribeLead(int origin, int lead, DateOnly day, Span<float> features)
    {
        features[DemandFeatures.Lead] = lead;
        features[DemandFeatures.Weekday] = (float)day.DayOfWeek;
        features[DemandFeatures.DayOfMonth] = day.Day;

        // The same weekday as the forecast day, in the last four weeks before the origin.
        var nearest = (7 * ((lead / 7) + 1)) - lead;
        features[DemandFeatures.SameWeekdayLast] = Lag(origin, nearest);
        features[DemandFeatures.SameWeekdayMean4] = (Lag(origin, nearest) + Lag(origin, nearest + 7) + Lag(origin, nearest + 14) + Lag(origin, nearest + 21)) / 4f;
    }

    /// <summary>
    /// The size a sales day has as of <paramref name="origin"/>: the larger of the median and the mean units of the
    /// sales days in the last 91 days, or of all sales days when none was in the last 91. Never zero once the SKU sold.
    /// </summary>
    public static float TypicalSalesDay(ReadOnlySpan<float> origin) =>
        Math.Max(origin[DemandFeatures.MedianSalesDay91], origin[DemandFeatures.UnitsPerSalesDay91]) is var recent and > 0
            ? recent
            : origin[DemandFeatures.SkuMean] / Math.Max(1e-6f, 1f - origin[DemandFeatures.SkuIntermittency]);

    /// <summary>Mean of the <paramref name="days"/> before day <paramref name="t"/>; zero before the history.</summary>
    public float Mean(int t, int days) => t <= 0 ? 0f : (float)((sums[t] - sums[Math.Max(0, t - days)]) / Math.Min(t, days));

    private float SalesDayShare(int t, int days) => t <= 0 ? 0f : (float)(salesDays[t] - salesDays[Math.Max(0, t - days)]) / Math.Min(t, days);

    private float Lag(int t, int days) => t - days >= 0 ? values[t - days] : 0f;

    private (float Max28, float Median91, float PerSalesDay91) Sizes(int t)
    {
        var max = 0f;
        for (var d = Math.Max(0, t - Window); d < t; d++)
        {
            max = Math.Max(max, values[d]);
        }

        Span<float> sold = stackalloc float[LongWindow];
        var count = 0;
        var total = 0f;
        for (var d = Math.Max(0, t - LongWindow); d < t; d++)
        {
            if (values[d] > 0)
            {
                sold[count++] = values[d];
                total += values[d];
            }
        }

        if (count == 0)
        {
            return (max, 0f, 0f);
        }

        var days = sold[..count];
        days.Sort();
        var median = count % 2 == 1 ? days[count / 2] : (days[(count / 2) - 1] + days[count / 2]) / 2f;
        return (max, median, total / count);
    }

    private float DaysSinceLastSale(int t)
    {
        for (var back = 1; back <= CapDays && t - back >= 0; back++)
        {
            if (values[t - back] > 0)
            {
                return back;
            }
        }

        return CapDays;
    }
}