using System.Diagnostics;

namespace OrderGrid.Planning;

/// <summary>
/// Trains the demand model on the sales before a cutoff only, forecasts the horizon after it and scores it beside
/// the moving average and seasonal naive on the SKUs sold in the training window (<see cref="DemandScore"/>).
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

        return new DemandBacktestResult(
            cutoff,
            horizon,
            history.Start,
            forecasts.Count,
            model.TrainingRows,
            DemandScore.Of(history, actual, forecasts, horizon),
            BestSellerCheck.Of(history, actual, forecasts, horizon),
            trainingTime,
            predictionTime);
    }
}