using System.Diagnostics;

namespace OrderGrid.Planning;

/// <summary>
/// Trains the demand model on the sales before a cutoff only, forecasts the horizon after it and scores it with
/// WAPE (Σ|actual − forecast| / Σ actual over every SKU-day of the horizon, on the SKUs sold in the training
/// window) beside two baselines: seasonal-naive (the same weekday of the last week before the cutoff) and the
/// moving average (the mean of the last 28 days).
/// </summary>
public static class DemandBacktest
{
    public const int MaxHorizon = 28;

    public static DemandBacktestResult Run(IReadOnlyList<ProductSale> sales, DateOnly cutoff, int horizon, DemandModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, MaxHorizon);
        var first = sales.Count == 0 ? cutoff : sales.Min(sale => sale.Day);
        if (cutoff.DayNumber - first.DayNumber <= 2 * DemandSeries.Window)
        {
            throw new ArgumentException($"The history before the cutoff {cutoff:yyyy-MM-dd} must be longer than {2 * DemandSeries.Window} days (it starts {first:yyyy-MM-dd}).", nameof(cutoff));
        }

        var history = DemandHistory.Build(sales, first, cutoff);
        var actual = DemandHistory.Build(sales, cutoff, cutoff.AddDays(horizon));

        var clock = Stopwatch.StartNew();
        var model = DemandModel.Train(history, options);
        var trainingTime = clock.Elapsed;
        clock.Restart();
        var forecasts = model.Forecast(history, horizon);
        var predictionTime = clock.Elapsed;

        var score = Score(history, actual, forecasts, horizon);
        return new DemandBacktestResult(
            cutoff,
            horizon,
            history.Start,
            forecasts.Count,
            model.TrainingRows,
            score.ModelWape,
            score.SeasonalNaiveWape,
            score.MovingAverageWape,
            score.IntervalCoverage,
            trainingTime,
            predictionTime);
    }

    /// <summary>
    /// Scores <paramref name="forecasts"/> made from <paramref name="history"/> against the quantities of
    /// <paramref name="actual"/> on the <paramref name="horizon"/> days after the history, beside the baselines.
    /// </summary>
    internal static HorizonScore Score(DemandHistory history, DemandHistory actual, IReadOnlyList<SkuForecast> forecasts, int horizon)
    {
        var modelError = new AbsoluteError();
        var naiveError = new AbsoluteError();
        var averageError = new AbsoluteError();
        var inside = 0;
        foreach (var forecast in forecasts)
        {
            var past = history.Quantities(forecast.Sku);
            var average = Mean(past[^DemandSeries.Window..]);
            var lastWeek = past[^7..];
            for (var step = 0; step < horizon; step++)
            {
                var day = forecast.Days[step];
                var sold = actual.Quantity(forecast.Sku, day.Day);
                modelError.Add(sold, day.Quantity);
                naiveError.Add(sold, lastWeek[step % 7]);
                averageError.Add(sold, average);
                inside += sold >= day.Low && sold <= day.High ? 1 : 0;
            }
        }

        return new(modelError.Wape, naiveError.Wape, averageError.Wape, forecasts.Count == 0 ? 0 : (double)inside / (forecasts.Count * horizon));
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

    private sealed class AbsoluteError
    {
        private double error;
        private double actual;

        public double? Wape => actual > 0 ? error / actual : null;

        public void Add(float sold, float forecast)
        {
            error += Math.Abs(sold - forecast);
            actual += sold;
        }
    }

    /// <summary>The WAPE of the model and the baselines over a horizon (null when nothing sold) and the interval's coverage.</summary>
    internal readonly record struct HorizonScore(double? ModelWape, double? SeasonalNaiveWape, double? MovingAverageWape, double IntervalCoverage);
}