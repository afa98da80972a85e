namespace OrderGrid.Planning;

/// <summary>
/// Daily demand per SKU over a date range, zero-filled: one value per SKU and day, from <see cref="Start"/> for
/// <see cref="DayCount"/> days. SKUs are those sold at least once in the range, in ordinal order.
/// </summary>
public sealed class DemandHistory
{
    private readonly Dictionary<string, int> index;
    private readonly float[][] quantities;
    private readonly float[][] revenues;

    private DemandHistory(DateOnly start, int dayCount, string[] skus, float[][] quantities, float[][] revenues)
    {
        Start = start;
        DayCount = dayCount;
        Skus = skus;
        this.quantities = quantities;
        this.revenues = revenues;
        index = skus.Select((sku, i) => (sku, i)).ToDictionary(pair => pair.sku, pair => pair.i, StringComparer.Ordinal);
    }

    public DateOnly Start { get; }

    public int DayCount { get; }

    /// <summary>The first day after the range.</summary>
    public DateOnly End => Start.AddDays(DayCount);

    public IReadOnlyList<string> Skus { get; }

    /// <summary>Builds the series of the sales from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive); sales outside are ignored.</summary>
    public static DemandHistory Build(IEnumerable<ProductSale> sales, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        var dayCount = end.DayNumber - start.DayNumber;
        var bySku = new Dictionary<string, (float[] Quantity, float[] Revenue)>(StringComparer.Ordinal);
        foreach (var sale in sales)
        {
            if (sale.Quantity <= 0 || sale.UnitPrice <= 0)
            {
                throw new ArgumentException($"A product sale has a positive quantity and price: {sale}.", nameof(sales));
            }

            if (sale.Day < start || sale.Day >= end)
            {
                continue;
            }

            if (!bySku.TryGetValue(sale.Sku, out var series))
            {
                series = (new float[dayCount], new float[dayCount]);
                bySku.Add(sale.Sku, series);
            }

            var day = sale.Day.DayNumber - start.DayNumber;
            series.Quantity[day] += sale.Quantity;
            series.Revenue[day] += (float)(sale.Quantity * sale.UnitPrice);
        }

        var skus = bySku.Keys.Order(StringComparer.Ordinal).ToArray();
        return new DemandHistory(start, dayCount, skus, [.. skus.Select(sku => bySku[sku].Quantity)], [.. skus.Select(sku => bySku[sku].Revenue)]);
    }

    /// <summary>The same history cut short: the days before <paramref name="end"/>, SKUs sold in them only.</summary>
    public DemandHistory Before(DateOnly end)
    {
        var days = Math.Clamp(end.DayNumber - Start.DayNumber, 1, DayCount);
        var kept = Enumerable.Range(0, Skus.Count).Where(i => quantities[i].AsSpan(0, days).ContainsAnyExcept(0f)).ToArray();
        return new DemandHistory(
            Start,
            days,
            [.. kept.Select(i => Skus[i])],
            [.. kept.Select(i => quantities[i][..days])],
            [.. kept.Select(i => revenues[i][..days])]);
    }

    public bool Contains(string sku) => index.ContainsKey(sku);

    /// <summary>The SKU's quantity per day (index 0 is <see cref="Start"/>); zero on days without sales.</summary>
    public ReadOnlySpan<float> Quantities(string sku) => quantities[index[sku]];

    /// <summary>The SKU's revenue per day, for prices.</summary>
    public ReadOnlySpan<float> Revenues(string sku) => revenues[index[sku]];

    public float Quantity(string sku, DateOnly day) =>
        index.TryGetValue(sku, out var i) && day >= Start && day < End ? quantities[i][day.DayNumber - Start.DayNumber] : 0f;
}