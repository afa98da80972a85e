using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

using OrderGrid.Tests.Browser;

using Xunit.Abstractions;

namespace OrderGrid.Tests.Planning;

/// <summary>
/// What is served is what a planner orders from: the real host on PostgreSQL (<see cref="DemoPlanningSite"/>) seeds the
/// demo history as on a first start, trains its first model version from it, and serves forecasts whose 28-day totals
/// are of the size of what the best sellers really sell. The figures are printed (run with
/// <c>--logger "console;verbosity=detailed"</c>).
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class ServedForecastTests(ITestOutputHelper output)
{
    private const int Horizon = 28;
    private const int BestSellers = 10;

    // The product sales planning learns from (silo/Planning/PostgresPlanningData.cs): per SKU and day, cancellations
    // taken off, days of free lines only left out. Written here again on purpose: the test states the truth itself.
    private const string SoldSql = """
        SELECT sku, sum(units)::integer
        FROM (
            SELECT sku, day, sum(quantity - cancelled_quantity) AS units, sum(revenue) AS revenue
            FROM daily_sales
            WHERE source = 'import' AND day >= $1 AND day <= $2
            GROUP BY sku, day) AS days
        WHERE units > 0 AND revenue > 0
        GROUP BY sku
        ORDER BY 2 DESC, sku
        LIMIT $3
        """;

    [Fact]
    public async Task On_the_demo_history_the_ten_best_sellers_together_are_forecast_between_half_and_twice_their_last_28_days_with_an_interval()
    {
        var site = await DemoPlanningSite.Shared;
        var planner = site.Client(LiveSite.PlannerKey);
        var status = await ApiCalls.Get(planner, "/api/planning/models");

        // The history ends yesterday, exactly: the newest lags are real sales, not days the history never reached.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await using var database = PostgresServer.DataSource(site.ConnectionString);
        await using (var last = database.CreateCommand("SELECT max(day) FROM daily_sales WHERE source = 'import' AND quantity > cancelled_quantity AND revenue > 0"))
        {
            Assert.Equal(yesterday, (DateOnly)(await last.ExecuteScalarAsync())!);
        }

        var bestSellers = new List<(string Sku, int Sold)>();
        await using (var sold = database.CreateCommand(SoldSql))
        {
            sold.Parameters.Add(new() { Value = yesterday.AddDays(1 - Horizon) });
            sold.Parameters.Add(new() { Value = yesterday });
            sold.Parameters.Add(new() { Value = BestSellers });
            await using var reader = await sold.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                bestSellers.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        Assert.Equal(BestSellers, bestSellers.Count);
        var served = new List<Served>();
        foreach (var (sku, sold) in bestSellers)
        {
            var view = await ApiCalls.Get(planner, $"/api/planning/forecast/{Uri.EscapeDataString(sku)}?horizon={Horizon}");
            var history = ApiCalls.Array(view["history"]);
            var forecast = ApiCalls.Array(view["forecast"]);
            served.Add(new Served(
                sku,
                ApiCalls.Text(view["name"]),
                sold,
                history.TakeLast(Horizon).Sum(point => point!["quantity"]!.GetValue<double>()),
                DateOnly.Parse(ApiCalls.Text(history[^1]!["day"]), CultureInfo.InvariantCulture),
                DateOnly.Parse(ApiCalls.Text(forecast[0]!["day"]), CultureInfo.InvariantCulture),
                forecast.Count,
                forecast.Sum(day => day!["quantity"]!.GetValue<double>()),
                forecast.Count(day => day!["high"]!.GetValue<double>() - day["low"]!.GetValue<double>() >= 1),
                forecast.Average(day => day!["high"]!.GetValue<double>() - day["low"]!.GetValue<double>())));
        }

        var table = Table(status, yesterday, served);
        output.WriteLine(table);
        Assert.All(served, s =>
        {
            // The chart and the API agree with the database: the chart's sales run to yesterday and add up to them.
            Assert.True(s.LastChartDay == yesterday && s.FirstForecastDay == yesterday.AddDays(1), $"{s.Sku}: chart to {s.LastChartDay}, forecast from {s.FirstForecastDay}; yesterday was {yesterday}.\n{table}");
            Assert.True(Math.Abs(s.ChartSold - s.Sold) < 0.5, $"{s.Sku}: the chart shows {s.ChartSold} sold in 28 days, the database {s.Sold}.\n{table}");
            Assert.Equal(Horizon, s.ForecastDays);
        });

        // Together the ten are forecast between half and twice what they sold. One by one the band is wider below:
        // the ten are picked by their last 28 days, so they are the SKUs whose month held one-off wholesale orders
        // (84879: 3,359 and 1,008 units on two days of 6,358), which the mean forecast expects back only as often
        // as such orders come — the backtest measures that this beats repeating the month, and that at the shipped
        // cutoffs one to five of the ten really did sell below half their last month (docs/planning.md, BestSellerCheck).
        // The collapse the old model served (0.08 to 0.55 × on these ten) fails either way.
        var (forecastTotal, soldTotal) = (served.Sum(s => s.ForecastTotal), served.Sum(s => s.Sold));
        Assert.True(
            forecastTotal >= 0.5 * soldTotal && forecastTotal <= 2 * soldTotal,
            $"The ten best sellers are forecast {forecastTotal:N0} units in 28 days; they sold {soldTotal:N0} in the last 28.\n{table}");
        var wrongSize = served.Where(s => s.ForecastTotal < 0.2 * s.Sold || s.ForecastTotal > 2 * s.Sold).ToList();
        Assert.True(
            wrongSize.Count == 0,
            $"The 28-day forecast total of {string.Join(", ", wrongSize.Select(s => s.Sku))} lies outside 0.2 to 2 × its last 28 days' sales.\n{table}");
        var narrow = served.Where(s => s.DaysWithWidth * 2 <= Horizon).ToList();
        Assert.True(
            narrow.Count == 0,
            $"The interval of {string.Join(", ", narrow.Select(s => s.Sku))} is at least one unit wide on no more than half the days.\n{table}");
    }

    private static string Table(JsonObject status, DateOnly yesterday, List<Served> served)
    {
        var text = new StringBuilder();
        var current = status["current"]!;
        text.AppendLine(CultureInfo.InvariantCulture, $"Model v{current["version"]}, trained on {current["trainedFrom"]} to {current["trainedUntil"]} (exclusive), {current["skus"]} SKUs; yesterday {yesterday:yyyy-MM-dd}");
        text.AppendLine("sku      | sold last 28 d | chart 28 d | forecast 28 d | ratio | days ≥ 1 unit wide | mean width | product");
        foreach (var s in served)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Sku,-8} | {s.Sold,14:N0} | {s.ChartSold,10:N0} | {s.ForecastTotal,13:N1} | {s.ForecastTotal / s.Sold,5:0.00} | {s.DaysWithWidth,15}/{s.ForecastDays} | {s.MeanWidth,10:N1} | {s.Name}");
        }

        return text.ToString();
    }

    private sealed record Served(
        string Sku,
        string Name,
        int Sold,
        double ChartSold,
        DateOnly LastChartDay,
        DateOnly FirstForecastDay,
        int ForecastDays,
        double ForecastTotal,
        int DaysWithWidth,
        double MeanWidth);
}