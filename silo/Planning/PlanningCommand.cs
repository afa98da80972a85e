using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

using OrderGrid.Planning;
using OrderGrid.Planning.Recommendations;
using OrderGrid.Silo.Import;

namespace OrderGrid.Silo.Planning;

/// <summary>
/// <c>planning backtest --history FILE.csv[.gz] --cutoff YYYY-MM-DD --horizon DAYS</c>: trains the demand model and
/// the recommendation model on the history before the cutoff, scores the horizon after it, prints a table and, as
/// the last line, one JSON object. Runs without the web host, the silo or the database.
/// </summary>
public static class PlanningCommand
{
    public const string Usage = "planning backtest --history FILE.csv[.gz] --cutoff YYYY-MM-DD --horizon DAYS (1 to 28)";

    private const string Backtest = "backtest";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Parse(args, out var file, out var cutoff, out var horizon) is { } problem)
        {
            error.WriteLine($"{problem}{Environment.NewLine}Usage: {Usage}");
            return 2;
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"The history file '{file}' does not exist.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        PlanningSales history;
        using (var reader = ImportFiles.OpenText(file, out _))
        {
            history = PlanningSales.Read(reader);
        }

        if (history.BadRows is [{ Line: 1 } header, ..] && history.Sales.Count == 0)
        {
            error.WriteLine($"{file}: {header.Reason}");
            return 1;
        }

        var readTime = clock.Elapsed;
        DemandBacktestResult result;
        RecommendationBacktestResult recommendations;
        try
        {
            result = DemandBacktest.Run(history.Sales, cutoff, horizon);
            recommendations = RecommendationBacktest.Run(history.Purchases, cutoff, horizon);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }

        output.WriteLine(Table(history, result, readTime));
        output.WriteLine();
        output.WriteLine(Table(history, recommendations, cutoff, horizon));
        output.WriteLine(Json(result, recommendations));
        return 0;
    }

    private static string? Parse(IReadOnlyList<string> args, out string file, out DateOnly cutoff, out int horizon)
    {
        (file, cutoff, horizon) = ("", default, 0);
        if (args is not [Backtest, ..])
        {
            return "The planning command knows one verb: backtest.";
        }

        var options = args.Skip(1).ToArray();

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Length; i += 2)
        {
            if (options[i] is not ("--history" or "--cutoff" or "--horizon") || i + 1 >= options.Length)
            {
                return $"Unexpected argument '{options[i]}'.";
            }

            values[options[i]] = options[i + 1];
        }

        if (!values.TryGetValue("--history", out var path) || !values.TryGetValue("--cutoff", out var cutoffText) || !values.TryGetValue("--horizon", out var horizonText))
        {
            return "--history, --cutoff and --horizon are required.";
        }

        file = path;
        if (!DateOnly.TryParseExact(cutoffText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out cutoff))
        {
            return $"--cutoff '{cutoffText}' is not a date written YYYY-MM-DD.";
        }

        return int.TryParse(horizonText, NumberStyles.None, CultureInfo.InvariantCulture, out horizon) && horizon is >= 1 and <= DemandBacktest.MaxHorizon
            ? null
            : $"--horizon '{horizonText}' is not a number of days from 1 to {DemandBacktest.MaxHorizon}.";
    }

    private static string Table(PlanningSales history, DemandBacktestResult result, TimeSpan readTime)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Demand forecast backtest: cutoff {result.Cutoff:yyyy-MM-dd}, horizon {result.Horizon} days");
        text.AppendLine(c, $"History: {history.Sales.Count:N0} product sale lines read in {readTime.TotalSeconds:0.0} s; left out: {history.Cancellations:N0} cancellations, {history.NonProducts:N0} non-product lines, {history.Adjustments:N0} adjustments, {history.FreeOrEmpty:N0} lines with no quantity or price, {history.BadRows.Count:N0} bad rows");
        text.AppendLine(c, $"Training window: {result.TrainedFrom:yyyy-MM-dd} to {result.Cutoff.AddDays(-1):yyyy-MM-dd}, {result.TrainingRows:N0} SKU-days; {result.Skus:N0} SKUs sold in it are forecast and scored");
        text.AppendLine(c, $"Training time: {result.TrainingTime.TotalSeconds:0.0} s (with the hold-out model for the interval); prediction time for all SKUs: {result.PredictionTime.TotalSeconds:0.00} s");
        text.AppendLine();
        var score = result.Score;
        text.AppendLine("| forecast                          | total WAPE | bias   | RMSSE  | daily WAPE |");
        text.AppendLine("|-----------------------------------|------------|--------|--------|------------|");
        text.AppendLine(c, $"| model (FastTree, direct mean)     | {Figure(score.ModelTotalWape),10} | {Figure(score.ModelBias)} | {Figure(score.ModelRmsse)} | {Figure(score.ModelWape),10} |");
        text.AppendLine(c, $"| moving average (last 28 days)     | {Figure(score.MovingAverageTotalWape),10} | {Figure(score.MovingAverageBias)} | {Figure(score.MovingAverageRmsse)} | {Figure(score.MovingAverageWape),10} |");
        text.AppendLine(c, $"| seasonal naive (last week)        | {Figure(score.SeasonalNaiveTotalWape),10} |    n/a |    n/a | {Figure(score.SeasonalNaiveWape),10} |");
        text.AppendLine();
        if (score is { ModelTotalWape: { } model, MovingAverageTotalWape: { } average, SeasonalNaiveTotalWape: { } naive })
        {
            text.AppendLine(c, $"Total WAPE, model vs moving average: {model / average:0.00}× (target ≤ 0.90×); vs seasonal naive: {model / naive:0.00}×");
        }

        text.AppendLine(c, $"80 % prediction interval coverage: {score.IntervalCoverage:0.0%}");
        text.AppendLine();
        var best = result.BestSellers;
        text.AppendLine(c, $"The {best.Skus.Length} best sellers of the {result.Horizon} days before the cutoff, forecast and what they sold after it:");
        text.AppendLine("| SKU      | sold before | forecast | sold after | forecast ÷ before | after ÷ before | forecast ÷ after |");
        text.AppendLine("|----------|-------------|----------|------------|-------------------|----------------|------------------|");
        foreach (var s in best.Skus)
        {
            text.AppendLine(c, $"| {s.Sku,-8} | {s.SoldBefore,11:N0} | {s.Forecast,8:N0} | {s.Actual,10:N0} | {Share(s.Forecast, s.SoldBefore),17} | {Share(s.Actual, s.SoldBefore),14} | {Share(s.Forecast, s.Actual),16} |");
        }

        text.Append(c, $"Together: forecast ÷ sold after {Figure(best.ForecastToActual)}; forecast ÷ sold before {Figure(best.ForecastToBefore)}; sold after ÷ sold before {Figure(best.ActualToBefore)}. Below half of what they sold before: forecast {best.ForecastBelowHalf}, sold after {best.ActualBelowHalf} of {best.Skus.Length}");
        return text.ToString();
    }

    private static string Table(PlanningSales history, RecommendationBacktestResult result, DateOnly cutoff, int horizon)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Recommendation backtest: cutoff {cutoff:yyyy-MM-dd}, horizon {horizon} days; {history.Purchases.Count:N0} purchase lines with a customer");
        text.AppendLine(c, $"Customers active before the cutoff who buy in the horizon: {result.Customers:N0}; training time: {result.Training.TotalSeconds:0.0} s");
        text.AppendLine();
        text.AppendLine("| recommendations                   | recall@10 | new-item hit@10 |");
        text.AppendLine("|-----------------------------------|-----------|-----------------|");
        text.AppendLine(c, $"| model (FastTree ranker)           | {result.ModelRecallAt10,9:0.0000} | {result.ModelNewItemHitAt10,15:0.0000} |");
        text.AppendLine(c, $"| buy-again (own 10 most frequent)  | {result.BuyAgainRecallAt10,9:0.0000} |               - |");
        text.AppendLine(c, $"| popularity (10 most customers)    | {result.PopularityRecallAt10,9:0.0000} | {result.PopularityNewItemHitAt10,15:0.0000} |");
        text.AppendLine();
        text.Append(c, $"Model recall vs buy-again: {Ratio(result.ModelRecallAt10, result.BuyAgainRecallAt10)}; vs popularity: {Ratio(result.ModelRecallAt10, result.PopularityRecallAt10)}; new-item hits vs popularity: {Ratio(result.ModelNewItemHitAt10, result.PopularityNewItemHitAt10)}");
        return text.ToString();
    }

    private static string Share(double part, double whole) =>
        whole > 0 ? (part / whole).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(double model, double baseline) =>
        baseline == 0 ? "n/a" : (model / baseline).ToString("0.00×", CultureInfo.InvariantCulture);

    private static string Figure(double? wape) => wape?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "  n/a ";

    private static string Json(DemandBacktestResult result, RecommendationBacktestResult recommendations)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("cutoff", result.Cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("horizon", result.Horizon);
            json.WriteNumber("skus", result.Skus);
            json.WriteStartObject("forecast");
            var score = result.Score;
            Write(json, "model_total_wape", score.ModelTotalWape);
            Write(json, "moving_average_total_wape", score.MovingAverageTotalWape);
            Write(json, "seasonal_naive_total_wape", score.SeasonalNaiveTotalWape);
            Write(json, "model_bias", score.ModelBias);
            Write(json, "moving_average_bias", score.MovingAverageBias);
            Write(json, "model_rmsse", score.ModelRmsse);
            Write(json, "moving_average_rmsse", score.MovingAverageRmsse);
            Write(json, "model_wape", score.ModelWape);
            Write(json, "seasonal_naive_wape", score.SeasonalNaiveWape);
            Write(json, "moving_average_wape", score.MovingAverageWape);
            Write(json, "interval_coverage", score.IntervalCoverage);
            Write(json, "best_sellers_forecast_to_actual", result.BestSellers.ForecastToActual);
            Write(json, "best_sellers_forecast_to_before", result.BestSellers.ForecastToBefore);
            Write(json, "best_sellers_actual_to_before", result.BestSellers.ActualToBefore);
            json.WriteNumber("best_sellers_forecast_below_half", result.BestSellers.ForecastBelowHalf);
            json.WriteNumber("best_sellers_actual_below_half", result.BestSellers.ActualBelowHalf);
            json.WriteEndObject();
            json.WriteStartObject("recommendations");
            json.WriteNumber("customers", recommendations.Customers);
            Write(json, "model_recall_at_10", recommendations.ModelRecallAt10);
            Write(json, "buy_again_recall_at_10", recommendations.BuyAgainRecallAt10);
            Write(json, "popularity_recall_at_10", recommendations.PopularityRecallAt10);
            Write(json, "model_new_item_hit_at_10", recommendations.ModelNewItemHitAt10);
            Write(json, "popularity_new_item_hit_at_10", recommendations.PopularityNewItemHitAt10);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, string key, double? figure)
    {
        if (figure is { } value)
        {
            json.WriteNumber(key, Math.Round(value, 4));
        }
        else
        {
            json.WriteNull(key);
        }
    }
}