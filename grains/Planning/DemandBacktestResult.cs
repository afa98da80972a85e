namespace OrderGrid.Planning;

/// <summary>
/// How the demand model and the two baselines forecast the days after a cutoff.
/// </summary>
/// <param name="Skus">SKUs sold in the training window: the ones forecast and scored.</param>
public sealed record DemandBacktestResult(
    DateOnly Cutoff,
    int Horizon,
    DateOnly TrainedFrom,
    int Skus,
    int TrainingRows,
    DemandScore Score,
    TimeSpan TrainingTime,
    TimeSpan PredictionTime);