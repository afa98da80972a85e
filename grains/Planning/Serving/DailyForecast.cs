namespace OrderGrid.Planning.Serving;

/// <summary>
/// Every SKU's forecast from <see cref="From"/> (today) by the serving model, with the history it was made from and
/// each warehouse's share of each SKU's demand. A warehouse's figures are the SKU's total times that share: imported
/// history has no warehouse, live orders do.
/// </summary>
public sealed class DailyForecast(
    ServingModel model,
    DemandHistory history,
    IReadOnlyDictionary<string, SkuForecast> forecasts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> warehouseSales,
    int shareDays)
{
    public ServingModel Model { get; } = model;

    public DemandHistory History { get; } = history;

    public DateOnly From => History.End;

    public IReadOnlyList<ForecastDay> For(string sku) =>
        forecasts.TryGetValue(sku, out var forecast) ? forecast.Days : [];

    /// <summary>The warehouse's part of the SKU's figures (1 for all warehouses); see <see cref="ShareOf"/>.</summary>
    public double Share(string sku, string? warehouseId, int warehouseCount) =>
        warehouseId is null ? 1 : ShareOf(sku, warehouseId, warehouseCount).Fraction;

    /// <summary>
    /// The warehouse's share of the SKU's live sales over the window, smoothed by one unit each (a single live sale
    /// must not give one warehouse all the demand); an even split when the SKU has none.
    /// </summary>
    public WarehouseShare ShareOf(string sku, string warehouseId, int warehouseCount)
    {
        var count = Math.Max(warehouseCount, 1);
        var byWarehouse = warehouseSales.GetValueOrDefault(sku);
        var total = byWarehouse?.Values.Sum() ?? 0;
        var here = byWarehouse?.GetValueOrDefault(warehouseId) ?? 0;
        return new WarehouseShare((1.0 + here) / (total + count), here, total, shareDays);
    }

    /// <summary>Units sold over the last <paramref name="days"/> days of the history (all warehouses).</summary>
    public double SoldInLast(string sku, int days)
    {
        if (!History.Contains(sku))
        {
            return 0;
        }

        var quantities = History.Quantities(sku);
        var sold = 0.0;
        for (var i = Math.Max(0, quantities.Length - days); i < quantities.Length; i++)
        {
            sold += quantities[i];
        }

        return sold;
    }

    /// <summary>The last day the SKU sold within the history, null when it did not.</summary>
    public DateOnly? LastSale(string sku)
    {
        if (!History.Contains(sku))
        {
            return null;
        }

        var quantities = History.Quantities(sku);
        for (var i = quantities.Length - 1; i >= 0; i--)
        {
            if (quantities[i] > 0)
            {
                return History.Start.AddDays(i);
            }
        }

        return null;
    }
}