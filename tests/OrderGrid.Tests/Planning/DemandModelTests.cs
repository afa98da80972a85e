using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

public sealed class DemandModelTests
{
    private static readonly DateOnly Cutoff = new(2011, 8, 1);

    [Fact]
    public void Two_trainings_on_the_same_history_forecast_exactly_the_same()
    {
        var history = DemandHistory.Build(PlanningSample.Sales, new(2010, 12, 1), Cutoff);

        var first = DemandModel.Train(history).Forecast(history, 28);
        var second = DemandModel.Train(history).Forecast(history, 28);

        Assert.Equal(history.Skus.Count, first.Count);
        Assert.Equal(first.SelectMany(sku => sku.Days), second.SelectMany(sku => sku.Days));
    }

    [Fact]
    public void Every_forecast_day_lies_inside_its_interval_and_none_is_negative()
    {
        var history = DemandHistory.Build(PlanningSample.Sales, new(2010, 12, 1), Cutoff);

        var days = DemandModel.Train(history).Forecast(history, 7).SelectMany(sku => sku.Days).ToList();

        Assert.All(days, day => Assert.True(day.Low >= 0 && day.Low <= day.Quantity && day.Quantity <= day.High, day.ToString()));
        Assert.Contains(days, day => day.High > day.Low);
    }

    [Fact]
    public void The_model_beats_seasonal_naive_on_a_held_out_month()
    {
        var result = DemandBacktest.Run(PlanningSample.Sales, Cutoff, 28);

        Assert.Equal(100, result.Skus);
        Assert.True(result.ModelWape < result.SeasonalNaiveWape, $"model {result.ModelWape}, seasonal naive {result.SeasonalNaiveWape}");
    }
}