namespace OrderGrid.Planning;

/// <summary>
/// How the demand model and the two baselines forecast the days after a cutoff. A WAPE is null when nothing was
/// sold in the horizon (it divides by the actual demand).
/// </summary>
/// <param name="Skus">SKUs sold in the training window: the ones forecast and scored.</param>
/// <param name="IntervalCoverage">The share of scored SKU-days whose actual demand fell inside the prediction interval.</param>
public sealed record DemandBacktestResult(
    DateOnly Cutoff,
    int Horizon,
    DateOnly TrainedFrom,
    int Skus,
    int TrainingRows,
    double? ModelWape,
    double? SeasonalNaiveWape,
    double? MovingAverageWape,
    double IntervalCoverage,
    TimeSpan TrainingTime,
    TimeSpan PredictionTime);