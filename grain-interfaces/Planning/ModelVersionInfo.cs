namespace OrderGrid.Planning;

/// <summary>One stored model version: what it learned from and how it scored on the days it did not see.</summary>
/// <param name="TrainedFrom">First day of the training window.</param>
/// <param name="TrainedUntil">The first day after the training window: forecasts start here.</param>
[GenerateSerializer, Immutable, Alias("og.model-version")]
public sealed record ModelVersionInfo(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset TrainedAt,
    [property: Id(2)] DateOnly TrainedFrom,
    [property: Id(3)] DateOnly TrainedUntil,
    [property: Id(4)] int Skus,
    [property: Id(5)] int Customers,
    [property: Id(6)] double TrainingSeconds,
    [property: Id(7)] ModelEvaluation Evaluation);