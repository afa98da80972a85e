namespace OrderGrid.Planning;

/// <summary>One SKU's daily forecast from the day after its history on.</summary>
public sealed record SkuForecast(string Sku, IReadOnlyList<ForecastDay> Days);