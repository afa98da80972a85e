namespace OrderGrid.Planning;

/// <summary>A day's forecast demand of one SKU and its prediction interval (<see cref="Low"/> to <see cref="High"/>).</summary>
public sealed record ForecastDay(DateOnly Day, float Quantity, float Low, float High);