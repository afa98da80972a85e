namespace OrderGrid.Planning;

/// <summary>A SKU's recent daily demand and its forecast with the prediction interval, for one warehouse or all.</summary>
/// <param name="WarehouseId">Null: all warehouses.</param>
/// <param name="ModelVersion">The model version that made the forecast; null before the first training.</param>
/// <param name="IntervalCoverage">The share of days the interval is meant to hold (e.g. 0.8).</param>
/// <param name="Share">For one warehouse with a model: the part of the SKU's figures shown and what it rests on.</param>
[GenerateSerializer, Immutable, Alias("og.forecast-view")]
public sealed record ForecastView(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] string? WarehouseId,
    [property: Id(3)] long? ModelVersion,
    [property: Id(4)] DateTimeOffset? TrainedAt,
    [property: Id(5)] double IntervalCoverage,
    [property: Id(6)] IReadOnlyList<DemandPoint> History,
    [property: Id(7)] IReadOnlyList<ForecastPoint> Forecast,
    [property: Id(8)] WarehouseShare? Share = null);