using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

/// <summary>The backtest's served-forecast check, on eleven SKUs small enough to count by hand.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class BestSellerCheckTests
{
    private static readonly DateOnly Start = new(2011, 1, 1);
    private static readonly DateOnly Cutoff = Start.AddDays(28);

    // S00 … S10: SKU i sells i + 1 units every day before the cutoff. After it each sells the same again, except S10,
    // which had a wholesale month and sells nothing. The model forecasts each its old rate, and S10 one unit a day.
    private static readonly string[] Skus = [.. Enumerable.Range(0, 11).Select(i => $"S{i:00}")];

    private static BestSellerCheck Check { get; } = BestSellerCheck.Of(
        DemandHistory.Build([.. Skus.SelectMany((sku, i) => Enumerable.Range(0, 28).Select(day => new ProductSale(sku, Start.AddDays(day), i + 1, 1m)))], Start, Cutoff),
        DemandHistory.Build([.. Skus.Take(10).SelectMany((sku, i) => Enumerable.Range(0, 2).Select(day => new ProductSale(sku, Cutoff.AddDays(day), i + 1, 1m)))], Cutoff, Cutoff.AddDays(2)),
        [.. Skus.Select((sku, i) => new SkuForecast(sku, [.. Enumerable.Range(0, 2).Select(day => new ForecastDay(Cutoff.AddDays(day), sku == "S10" ? 1 : i + 1, 0, 30))]))],
        horizon: 2);

    [Fact]
    public void The_ten_that_sold_most_in_the_horizons_length_before_the_cutoff_are_checked_best_first()
    {
        Assert.Equal(["S10", "S09", "S08", "S07", "S06", "S05", "S04", "S03", "S02", "S01"], Check.Skus.Select(s => s.Sku));
        Assert.Equal(new BestSeller("S10", SoldBefore: 22, Forecast: 2, Actual: 0), Check.Skus[0]);
        Assert.Equal(new BestSeller("S01", SoldBefore: 4, Forecast: 4, Actual: 4), Check.Skus[^1]);
    }

    [Fact]
    public void The_ratios_add_the_ten_up_first_and_count_who_falls_below_half_of_before()
    {
        // Before: 2 × (2 + … + 11) = 130. Forecast: 2 × (2 + … + 10) + 2 = 110. Actual: 2 × (2 + … + 10) = 108.
        Assert.Equal(110.0 / 108, Check.ForecastToActual!.Value, 6);
        Assert.Equal(110.0 / 130, Check.ForecastToBefore!.Value, 6);
        Assert.Equal(108.0 / 130, Check.ActualToBefore!.Value, 6);
        Assert.Equal((1, 1), (Check.ForecastBelowHalf, Check.ActualBelowHalf));
    }
}