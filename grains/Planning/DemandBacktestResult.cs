namespace OrderGrid.Planning;

/// <summary>
/// How the demand model and the two baselines forecast the days after a cutoff.
/// </summary>
/// <param name="Skus">SKUs sold in the training window: the ones forecast and scored.</param>
/// <param name="BestSellers">The ten best sellers before the cutoff: forecast, sold before and sold after.</param>
public sealed record DemandBacktestResult(
    DateOnly Cutoff,
    int Horizon,
    DateOnly TrainedFrom,
    int Skus,
    int TrainingRows,
    DemandScore Score,
    BestSellerCheck BestSellers,
    TimeSpan TrainingTime,
    TimeSpan PredictionTime);