using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

/// <summary>The backtest's measures on three SKUs small enough to compute by hand (the definitions of docs/planning.md).</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class DemandScoreTests
{
    private static readonly DateOnly Start = new(2011, 1, 1);
    private static readonly DateOnly Cutoff = Start.AddDays(28);

    // A sells 2 every day; B 0, 4, 0, 4, …; C sold 5 on the first day only.
    private static readonly List<ProductSale> Past =
    [
        .. Enumerable.Range(0, 28).Select(day => new ProductSale("A", Start.AddDays(day), 2, 1m)),
        .. Enumerable.Range(0, 28).Where(day => day % 2 == 1).Select(day => new ProductSale("B", Start.AddDays(day), 4, 1m)),
        new ProductSale("C", Start, 5, 1m),
    ];

    // The two days after the cutoff: A sells 3 and 1, B 0 and 6, C nothing.
    private static readonly List<ProductSale> Horizon =
    [
        new("A", Cutoff, 3, 1m), new("A", Cutoff.AddDays(1), 1, 1m), new("B", Cutoff.AddDays(1), 6, 1m),
    ];

    private static readonly SkuForecast[] Forecasts =
    [
        new("A", [new(Cutoff, 2, 1, 3), new(Cutoff.AddDays(1), 2, 1, 3)]),
        new("B", [new(Cutoff, 1, 0, 2), new(Cutoff.AddDays(1), 1, 0, 2)]),
        new("C", [new(Cutoff, 0.5f, 0, 1), new(Cutoff.AddDays(1), 0.5f, 0, 1)]),
    ];

    private static DemandScore Score { get; } =
        DemandScore.Of(DemandHistory.Build(Past, Start, Cutoff), DemandHistory.Build(Horizon, Cutoff, Cutoff.AddDays(2)), Forecasts, 2);

    [Fact]
    public void Total_wape_compares_each_skus_horizon_total_with_what_it_sold()
    {
        // Sold 4 + 6 + 0 = 10. Model totals 4, 2, 1: errors 0 + 4 + 1. Moving average 2, 2, 5/28 a day: 0 + 2 + 10/28.
        // Seasonal naive repeats the last week: A 2, 2; B 4, 0 (days 21 and 22 of B's 0, 4, … pattern); C 0, 0: 0 + 2 + 0.
        Assert.Equal(0.5, Score.ModelTotalWape!.Value, 6);
        Assert.Equal((2 + (10 / 28.0)) / 10, Score.MovingAverageTotalWape!.Value, 6);
        Assert.Equal(0.2, Score.SeasonalNaiveTotalWape!.Value, 6);
    }

    [Fact]
    public void Bias_is_everything_forecast_over_everything_sold()
    {
        Assert.Equal(0.7, Score.ModelBias!.Value, 6);
        Assert.Equal((8 + (10 / 28.0)) / 10, Score.MovingAverageBias!.Value, 6);
    }

    [Fact]
    public void Rmsse_scales_each_selling_skus_daily_error_by_its_day_to_day_changes()
    {
        // Only B counts: A never changed before the cutoff and C sold nothing in the horizon. B changes by 4 every day
        // from its first sale on. Model errors 1 and −5: √(26 / 2) / 4. Moving average errors 2 and −4: √(20 / 2) / 4.
        Assert.Equal(Math.Sqrt(13) / 4, Score.ModelRmsse!.Value, 6);
        Assert.Equal(Math.Sqrt(10) / 4, Score.MovingAverageRmsse!.Value, 6);
    }

    [Fact]
    public void The_daily_wape_and_the_interval_coverage_stay_as_information()
    {
        // |3−2| + |1−2| + |0−1| + |6−1| + 0.5 + 0.5 = 9 over 10 sold. Inside the interval: A both days, B the first, C both.
        Assert.Equal(0.9, Score.ModelWape!.Value, 6);
        Assert.Equal(5 / 6.0, Score.IntervalCoverage, 6);
    }

    [Fact]
    public void The_scale_of_changes_reads_the_last_365_days_only()
    {
        // Wild swings a year and more ago, then a steady 1 a day: nothing changed in the last 365 days.
        var past = Enumerable.Range(0, 400).Select(day => day < 35 ? (day % 2) * 50f : 1f).ToArray();

        Assert.Null(DemandScore.ChangeScale(past));
        Assert.Equal(50, DemandScore.ChangeScale(past.AsSpan(0, 35))!.Value, 6);
    }

    [Fact]
    public void Nothing_sold_in_the_horizon_leaves_the_ratios_undefined()
    {
        var score = DemandScore.Of(DemandHistory.Build(Past, Start, Cutoff), DemandHistory.Build(Past, Start, Cutoff), Forecasts, 2);

        Assert.Equal((null, null, null, null), (score.ModelTotalWape, score.ModelBias, score.ModelRmsse, score.ModelWape));
    }
}