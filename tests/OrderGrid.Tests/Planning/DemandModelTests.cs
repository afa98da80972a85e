using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Models)]
public sealed class DemandModelTests
{
    private static readonly DateOnly Start = new(2010, 12, 1);
    private static readonly DateOnly Cutoff = new(2011, 8, 1);

    private static DemandHistory History { get; } = DemandHistory.Build(PlanningSample.Sales, Start, Cutoff);

    // Trained once for the tests that only read it.
    private static Lazy<DemandModel> Model { get; } = new(() => DemandModel.Train(History));

    [Fact]
    public void Two_trainings_on_the_same_history_forecast_exactly_the_same()
    {
        var first = Model.Value.Forecast(History, 28);
        var second = DemandModel.Train(History).Forecast(History, 28);

        Assert.Equal(History.Skus.Count, first.Count);
        Assert.Equal(first.SelectMany(sku => sku.Days), second.SelectMany(sku => sku.Days));
    }

    [Fact]
    public void Every_forecast_day_lies_inside_its_interval_and_none_is_negative()
    {
        var days = Model.Value.Forecast(History, 7).SelectMany(sku => sku.Days).ToList();

        Assert.All(days, day => Assert.True(day.Low >= 0 && day.Low <= day.Quantity && day.Quantity <= day.High, day.ToString()));
        Assert.Contains(days, day => day.High > day.Low);
    }

    [Fact]
    public void On_a_held_out_month_the_forecast_totals_beat_the_moving_average_without_shrinking()
    {
        var result = DemandBacktest.Run(PlanningSample.Sales, Cutoff, 28);
        var score = result.Score;

        // The full history's targets (model total WAPE ≤ 0.9 × the moving average's, bias 0.8 to 1.25) are measured by
        // `planning backtest` on the shipped data (docs/planning.md); on this 100-SKU sample a few wholesale orders
        // move the totals, so the sample asks for a win on both measures and a total that is not shrunk towards zero.
        Assert.Equal(100, result.Skus);
        Assert.True(score.ModelTotalWape < score.MovingAverageTotalWape, score.ToString());
        Assert.True(score.ModelRmsse < score.MovingAverageRmsse, score.ToString());
        Assert.InRange(score.ModelBias!.Value, 0.6, 1.25);
    }

    [Fact]
    public void The_ten_best_sellers_of_the_last_28_days_are_forecast_between_half_and_twice_those_sales()
    {
        // What a planner checks first, as the served-forecast test does on the demo: a best seller's next 28 days.
        var lastMonth = History.Skus.ToDictionary(sku => sku, sku => Sum(History.Quantities(sku)[^28..]));
        var best = lastMonth.OrderByDescending(pair => pair.Value).Take(10).Select(pair => pair.Key).ToHashSet();

        var forecasts = Model.Value.Forecast(History, 28).Where(f => best.Contains(f.Sku)).ToList();

        Assert.Equal(10, forecasts.Count);
        Assert.All(forecasts, f =>
        {
            var (forecast, sold) = (f.Days.Sum(day => day.Quantity), lastMonth[f.Sku]);
            Assert.True(forecast >= 0.5 * sold && forecast <= 2 * sold, $"{f.Sku}: forecast {forecast:0.0}, sold {sold} in the last 28 days");
        });
    }

    [Fact]
    public void A_training_day_is_cut_to_the_spike_cap_times_the_typical_sales_day()
    {
        var origin = new float[DemandFeatures.Count];
        origin[DemandFeatures.MedianSalesDay91] = 6;
        origin[DemandFeatures.UnitsPerSalesDay91] = 10;

        Assert.Equal(40f, DemandModel.CapSpike(500, origin, 4f));
        Assert.Equal(12f, DemandModel.CapSpike(12, origin, 4f));

        // No sale in the last 91 days: the SKU's units per sales day over its whole life (mean 0.5 a day, sold one day in 4).
        origin[DemandFeatures.MedianSalesDay91] = origin[DemandFeatures.UnitsPerSalesDay91] = 0;
        origin[DemandFeatures.SkuMean] = 0.5f;
        origin[DemandFeatures.SkuIntermittency] = 0.75f;
        Assert.Equal(8f, DemandModel.CapSpike(100, origin, 4f));
    }

    [Fact]
    public void A_saved_model_loads_and_forecasts_exactly_what_it_did()
    {
        var model = Model.Value;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = DemandModel.Load(stream);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal((model.Options, model.TrainedFrom, model.TrainedUntil, model.TrainingRows, model.Evaluation), (loaded.Options, loaded.TrainedFrom, loaded.TrainedUntil, loaded.TrainingRows, loaded.Evaluation));
        Assert.Equal(model.Forecast(History, 28).SelectMany(sku => sku.Days), loaded.Forecast(History, 28).SelectMany(sku => sku.Days));
    }

    [Fact]
    public void Something_else_than_a_saved_model_is_refused()
    {
        using var text = new MemoryStream("not a model"u8.ToArray());
        using var cut = new MemoryStream();
        Model.Value.Save(cut);
        cut.SetLength(cut.Length / 2);
        cut.Position = 0;

        Assert.Throws<InvalidDataException>(() => DemandModel.Load(text));
        Assert.Throws<InvalidDataException>(() => DemandModel.Load(cut));
    }

    [Fact]
    public void One_skus_own_history_from_the_same_or_an_earlier_day_forecasts_exactly_its_row_of_the_all_sku_forecast()
    {
        var all = Model.Value.Forecast(History, 28);
        var sku = all[all.Count / 2].Sku;
        var sales = PlanningSample.Sales.Where(sale => sale.Sku == sku).ToList();

        var alone = Assert.Single(Model.Value.Forecast(DemandHistory.Build(sales, Start, Cutoff), 28));
        var longer = Assert.Single(Model.Value.Forecast(DemandHistory.Build(sales, Start.AddDays(-365), Cutoff), 28));

        Assert.Equal(all.Single(row => row.Sku == sku).Days, alone.Days);
        Assert.Equal(alone.Days, longer.Days);
    }

    [Fact]
    public void The_evaluation_scores_the_held_out_last_days_against_the_baselines()
    {
        var evaluation = Model.Value.Evaluation;

        Assert.NotNull(evaluation);
        Assert.Equal((Cutoff.AddDays(-28), 28), (evaluation.Cutoff, evaluation.HorizonDays));
        var score = evaluation.Score;
        Assert.True(score.ModelTotalWape < score.SeasonalNaiveTotalWape, score.ToString());
        Assert.True(score.ModelRmsse < score.MovingAverageRmsse, score.ToString());
        Assert.InRange(score.ModelBias!.Value, 0.8, 1.25);
        Assert.InRange(score.IntervalCoverage, 0.5, 1);
    }

    [Fact]
    public void A_history_too_short_to_hold_days_out_has_no_evaluation_and_a_flat_interval()
    {
        var history = DemandHistory.Build(PlanningSample.Sales, new(2011, 6, 1), Cutoff);

        var model = DemandModel.Train(history);

        Assert.Null(model.Evaluation);
        Assert.All(model.Forecast(history, 3).SelectMany(sku => sku.Days), day => Assert.Equal((day.Quantity, day.Quantity), (day.Low, day.High)));
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}