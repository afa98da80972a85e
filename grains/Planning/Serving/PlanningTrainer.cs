using System.Diagnostics;

using OrderGrid.Planning.Recommendations;
using OrderGrid.Planning.Segments;

namespace OrderGrid.Planning.Serving;

/// <summary>
/// One training run: reads the history up to yesterday, trains the demand forecast, the recommendations and the
/// customer segments, scores them on held-out days against the baselines, and packs them for the store. Pure
/// computation apart from reading the history; run it off the grain's scheduler.
/// </summary>
public static class PlanningTrainer
{
    /// <summary>Days held out to score a version: the forecast horizon.</summary>
    public const int HoldoutDays = 28;

    /// <summary>The fewest days of history worth learning from.</summary>
    public const int MinimumDays = 3 * HoldoutDays;

    public static async Task<StoredModel?> Train(IPlanningData data, PlanningOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        // Whole milliseconds: the store keeps microseconds, and a version must read back exactly as it was served.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var until = DateOnly.FromDateTime(now.UtcDateTime);
        var from = until.AddDays(-options.HistoryDays);
        var sales = await data.Demand(from, until, cancellationToken);
        if (sales.Count == 0)
        {
            return null;
        }

        var first = sales.Min(sale => sale.Day);
        if (until.DayNumber - first.DayNumber < MinimumDays)
        {
            return null;
        }

        var purchases = await data.Purchases(from, until, cancellationToken);
        return await Task.Run(() => Fit(sales, purchases, first, until, now, started), cancellationToken);
    }

    private static StoredModel Fit(IReadOnlyList<ProductSale> sales, IReadOnlyList<Purchase> purchases, DateOnly from, DateOnly until, DateTimeOffset now, long started)
    {
        var history = DemandHistory.Build(sales, from, until);
        var demand = DemandModel.Train(history);
        var recommendations = purchases.Count > 0 ? RecommendationModel.Train(purchases) : null;
        var recommendationScore = purchases.Count > 0 && purchases.Min(p => p.Day) < until.AddDays(-2 * HoldoutDays)
            ? RecommendationBacktest.Run(purchases, until.AddDays(-HoldoutDays), HoldoutDays)
            : null;
        var segments = purchases.Count > 0 ? CustomerSegmentModel.Train(purchases, until) : null;

        var score = demand.Evaluation?.Score;
        var evaluation = new ModelEvaluation(
            demand.Evaluation?.Cutoff,
            HoldoutDays,
            score?.ModelWape,
            score?.SeasonalNaiveWape,
            score?.MovingAverageWape,
            score?.IntervalCoverage,
            recommendationScore?.Customers ?? 0,
            recommendationScore?.ModelRecallAt10,
            recommendationScore?.BuyAgainRecallAt10,
            recommendationScore?.PopularityRecallAt10,
            recommendationScore?.ModelNewItemHitAt10,
            recommendationScore?.PopularityNewItemHitAt10,
            score?.ModelTotalWape,
            score?.MovingAverageTotalWape,
            score?.SeasonalNaiveTotalWape,
            score?.ModelBias,
            score?.MovingAverageBias,
            score?.ModelRmsse,
            score?.MovingAverageRmsse);
        var info = new ModelVersionInfo(
            0,
            now,
            from,
            until,
            history.Skus.Count,
            recommendations?.Customers ?? 0,
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            evaluation);
        return new StoredModel(info, Bytes(demand.Save), recommendations is null ? null : Bytes(recommendations.Save), segments is null ? null : Bytes(segments.Save));
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }
}