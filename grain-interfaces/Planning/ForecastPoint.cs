namespace OrderGrid.Planning;

/// <summary>A forecast day: expected units and the prediction interval from <see cref="Low"/> to <see cref="High"/>.</summary>
[GenerateSerializer, Immutable, Alias("og.forecast-point")]
public sealed record ForecastPoint(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] double Quantity,
    [property: Id(2)] double Low,
    [property: Id(3)] double High);