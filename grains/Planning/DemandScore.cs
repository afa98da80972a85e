namespace OrderGrid.Planning;

/// <summary>
/// How a forecast of the days after a cutoff compares with what sold and with two baselines: the moving average (the
/// mean of the last 28 days, every day) and seasonal naive (the last 7 days repeated). Scored on the SKUs sold before
/// the cutoff; a figure is null when it divides by nothing (nothing sold, no SKU with a day-to-day change).
/// </summary>
/// <param name="ModelTotalWape">Σ over SKUs |F − A| / Σ A, F and A the SKU's forecast and actual totals over the horizon: what a planner orders from.</param>
/// <param name="ModelBias">Σ F / Σ A over all SKUs: 1 is right on total, below 1 orders too little.</param>
/// <param name="ModelRmsse">The M5 measure: per SKU that sells in the horizon, the RMSE of its daily forecast divided by the RMS of its day-to-day changes before the cutoff (its last 365 days at most; SKUs without a change left out), averaged over SKUs.</param>
/// <param name="ModelWape">The daily WAPE, Σ over SKU-days |f − a| / Σ a: kept as information; the median wins it, so it is no target.</param>
/// <param name="IntervalCoverage">The share of SKU-days whose actual units fell inside the forecast's interval.</param>
public sealed record DemandScore(
    double? ModelTotalWape,
    double? MovingAverageTotalWape,
    double? SeasonalNaiveTotalWape,
    double? ModelBias,
    double? MovingAverageBias,
    double? ModelRmsse,
    double? MovingAverageRmsse,
    double? ModelWape,
    double? SeasonalNaiveWape,
    double? MovingAverageWape,
    double IntervalCoverage)
{
    /// <summary>Scores <paramref name="forecasts"/> made from <paramref name="history"/> against <paramref name="actual"/> over the <paramref name="horizon"/> days after the history.</summary>
    public static DemandScore Of(DemandHistory history, DemandHistory actual, IReadOnlyList<SkuForecast> forecasts, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecasts);
        var (model, naive, average) = (new Sums(), new Sums(), new Sums());
        double modelScaled = 0, averageScaled = 0;
        var scaledSkus = 0;
        var inside = 0;
        foreach (var forecast in forecasts)
        {
            var past = history.Quantities(forecast.Sku);
            var mean = Mean(past[^Math.Min(DemandSeries.Window, past.Length)..]);
            var lastWeek = past[^7..];
            double forecastTotal = 0, averageTotal = 0, naiveTotal = 0, actualTotal = 0;
            double modelSquares = 0, averageSquares = 0;
            for (var step = 0; step < horizon; step++)
            {
                var day = forecast.Days[step];
                double sold = actual.Quantity(forecast.Sku, day.Day);
                model.AddDay(sold, day.Quantity);
                naive.AddDay(sold, lastWeek[step % 7]);
                average.AddDay(sold, mean);
                inside += sold >= day.Low && sold <= day.High ? 1 : 0;
                (forecastTotal, naiveTotal, averageTotal, actualTotal) = (forecastTotal + day.Quantity, naiveTotal + lastWeek[step % 7], averageTotal + mean, actualTotal + sold);
                modelSquares += (day.Quantity - sold) * (day.Quantity - sold);
                averageSquares += (mean - sold) * (mean - sold);
            }

            model.AddTotal(actualTotal, forecastTotal);
            naive.AddTotal(actualTotal, naiveTotal);
            average.AddTotal(actualTotal, averageTotal);
            if (actualTotal > 0 && ChangeScale(past) is { } scale)
            {
                modelScaled += Math.Sqrt(modelSquares / horizon) / scale;
                averageScaled += Math.Sqrt(averageSquares / horizon) / scale;
                scaledSkus++;
            }
        }

        return new DemandScore(
            model.TotalWape,
            average.TotalWape,
            naive.TotalWape,
            model.Bias,
            average.Bias,
            scaledSkus > 0 ? modelScaled / scaledSkus : null,
            scaledSkus > 0 ? averageScaled / scaledSkus : null,
            model.DailyWape,
            naive.DailyWape,
            average.DailyWape,
            forecasts.Count == 0 ? 0 : (double)inside / (forecasts.Count * horizon));
    }

    /// <summary>The RMS of a SKU's day-to-day changes from its first sale on, over its last 365 days at most; null when it never changed.</summary>
    internal static double? ChangeScale(ReadOnlySpan<float> past)
    {
        var days = past[^Math.Min(365, past.Length)..];
        var first = days.IndexOfAnyExcept(0f);
        if (first < 0 || first >= days.Length - 1)
        {
            return null;
        }

        double squares = 0;
        for (var t = first + 1; t < days.Length; t++)
        {
            squares += (days[t] - days[t - 1]) * (days[t] - days[t - 1]);
        }

        return squares > 0 ? Math.Sqrt(squares / (days.Length - first - 1)) : null;
    }

    private static float Mean(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>A forecast's errors summed over SKU-days and over SKU totals.</summary>
    private sealed class Sums
    {
        private double dailyError;
        private double totalError;
        private double forecast;
        private double actual;

        public double? DailyWape => actual > 0 ? dailyError / actual : null;

        public double? TotalWape => actual > 0 ? totalError / actual : null;

        public double? Bias => actual > 0 ? forecast / actual : null;

        public void AddDay(double sold, double forecast) => dailyError += Math.Abs(sold - forecast);

        public void AddTotal(double sold, double forecast)
        {
            totalError += Math.Abs(sold - forecast);
            this.forecast += forecast;
            actual += sold;
        }
    }
}