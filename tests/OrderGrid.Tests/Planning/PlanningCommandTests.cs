using System.Text.Json;

using OrderGrid.Planning;
using OrderGrid.Silo.Commands;
using OrderGrid.Silo.Planning;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Models)]
public sealed class PlanningCommandTests
{
    [Fact]
    public void The_backtest_prints_a_table_and_ends_with_one_json_object_of_the_agreed_keys()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = PlanningCommand.Run(["backtest", "--history", PlanningSample.Path, "--cutoff", "2011-07-01", "--horizon", "14"], output, error);

        Assert.Equal(0, exit);
        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Contains(lines, line => line.StartsWith("| model", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| buy-again", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        Assert.Equal(["cutoff", "horizon", "skus", "forecast", "recommendations"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2011-07-01", root.GetProperty("cutoff").GetString());
        Assert.Equal(14, root.GetProperty("horizon").GetInt32());
        Assert.Equal(100, root.GetProperty("skus").GetInt32());
        var forecast = root.GetProperty("forecast");
        Assert.Equal(
            ["model_total_wape", "moving_average_total_wape", "seasonal_naive_total_wape", "model_bias", "moving_average_bias", "model_rmsse", "moving_average_rmsse", "model_wape", "seasonal_naive_wape", "moving_average_wape", "interval_coverage",
             "best_sellers_forecast_to_actual", "best_sellers_forecast_to_before", "best_sellers_actual_to_before", "best_sellers_forecast_below_half", "best_sellers_actual_below_half"],
            forecast.EnumerateObject().Select(p => p.Name));
        Assert.All(forecast.EnumerateObject().SkipLast(2), p => Assert.True(p.Value.GetDouble() > 0));
        Assert.All(forecast.EnumerateObject().TakeLast(2), p => Assert.InRange(p.Value.GetInt32(), 0, BestSellerCheck.Count));
        Assert.Equal(
            ["customers", "model_recall_at_10", "buy_again_recall_at_10", "popularity_recall_at_10", "model_new_item_hit_at_10", "popularity_new_item_hit_at_10"],
            root.GetProperty("recommendations").EnumerateObject().Select(p => p.Name));
        var recommendations = root.GetProperty("recommendations");
        Assert.True(recommendations.GetProperty("customers").GetInt32() > 0);
        Assert.All(recommendations.EnumerateObject().Skip(1), p => Assert.InRange(p.Value.GetDouble(), 0, 1));
        Assert.True(recommendations.GetProperty("buy_again_recall_at_10").GetDouble() > recommendations.GetProperty("popularity_recall_at_10").GetDouble());
    }

    [Theory]
    [InlineData("backtest", "--cutoff", "2011-07-01", "--horizon", "28")]
    [InlineData("backtest", "--history", "x.csv", "--cutoff", "2011-13-01", "--horizon", "28")]
    [InlineData("backtest", "--history", "x.csv", "--cutoff", "2011-07-01", "--horizon", "29")]
    [InlineData("forecast", "--history", "x.csv")]
    [InlineData("backtest", "--history", "missing.csv", "--cutoff", "2011-07-01", "--horizon", "28")]
    public void Wrong_arguments_print_the_problem_and_exit_2(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, PlanningCommand.Run(args, output, error));
        Assert.NotEmpty(error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_cutoff_too_close_to_the_start_of_the_history_exits_2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, PlanningCommand.Run(["backtest", "--history", PlanningSample.Path, "--cutoff", "2011-01-01", "--horizon", "7"], output, error));
        Assert.Contains("must be longer", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_planning_verb_takes_every_argument_and_builds_no_host()
    {
        var command = SiloCommand.Parse(["planning", "backtest", "--history", "f.csv", "--cutoff", "2011-06-01", "--horizon", "28"]);

        Assert.Equal(SiloCommand.Planning, command.Verb);
        Assert.Equal(["backtest", "--history", "f.csv", "--cutoff", "2011-06-01", "--horizon", "28"], command.VerbArgs);
        Assert.Empty(command.HostArgs);
    }
}