namespace OrderGrid.Planning;

/// <summary>
/// How a demand model scored on the last days of its training window, forecast by a model trained without them
/// (the same definitions as <see cref="DemandBacktest"/>): WAPE of the model and of the two baselines, and the share
/// of SKU-days inside the prediction interval.
/// </summary>
/// <param name="Cutoff">The first held-out day.</param>
/// <param name="IntervalCoverage">Measured on the days the interval was calibrated on, so it shows the calibration holds, not how it generalises (the backtest measures that).</param>
public sealed record DemandEvaluation(
    DateOnly Cutoff,
    int HorizonDays,
    double ModelWape,
    double SeasonalNaiveWape,
    double MovingAverageWape,
    double IntervalCoverage);