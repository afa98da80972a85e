using System.Diagnostics;

namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// Trains the recommendation model on the purchases before a cutoff and scores it on the horizon after it, beside
/// two baselines. Customers: those with purchases before the cutoff who buy in the horizon.
/// recall@10 = the mean over them of |top 10 ∩ SKUs they buy in the horizon| / |SKUs they buy in the horizon|; the
/// baselines are popularity (the 10 SKUs bought by most customers before the cutoff, ties by SKU) and buy-again (the
/// customer's own 10 SKUs bought in the most baskets, ties by the latest day, then by SKU).
/// new-item hit@10 = among them, those who buy a SKU they never bought before, the share whose discovery list holds
/// one of those new SKUs; baseline: the 10 most popular SKUs the customer has not bought.
/// </summary>
public static class RecommendationBacktest
{
    private const int K = 10;

    public static RecommendationBacktestResult Run(IReadOnlyList<Purchase> history, DateOnly cutoff, int horizon, RecommendationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var before = history.Where(p => p.Day < cutoff).ToList();
        if (before.Count == 0)
        {
            throw new ArgumentException($"There are no purchases before the cutoff {cutoff:yyyy-MM-dd}.", nameof(cutoff));
        }

        var end = cutoff.AddDays(horizon);
        var clock = Stopwatch.StartNew();
        var model = RecommendationModel.Train(before, options);
        var training = clock.Elapsed;

        var popular = before
            .GroupBy(p => p.Sku, StringComparer.Ordinal)
            .Select(g => (Sku: g.Key, Customers: g.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(s => s.Customers)
            .ThenBy(s => s.Sku, StringComparer.Ordinal)
            .Select(s => s.Sku)
            .ToList();
        var pastByCustomer = before.GroupBy(p => p.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var laterByCustomer = history
            .Where(p => p.Day >= cutoff && p.Day < end)
            .GroupBy(p => p.CustomerId, StringComparer.Ordinal)
            .Where(g => pastByCustomer.ContainsKey(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        int customers = 0, discoverers = 0, modelHits = 0, popularityHits = 0;
        double modelRecall = 0, buyAgainRecall = 0, popularityRecall = 0;
        foreach (var later in laterByCustomer)
        {
            var bought = later.Select(p => p.Sku).ToHashSet(StringComparer.Ordinal);
            var past = pastByCustomer[later.Key];
            var owned = past.Select(p => p.Sku).ToHashSet(StringComparer.Ordinal);
            customers++;
            modelRecall += Recall(model.ForCustomer(later.Key, K, RecommendationMode.Usual, _ => true).Select(r => r.Sku), bought);
            buyAgainRecall += Recall(BuyAgain(past), bought);
            popularityRecall += Recall(popular.Take(K), bought);
            var fresh = bought.Where(sku => !owned.Contains(sku)).ToHashSet(StringComparer.Ordinal);
            if (fresh.Count > 0)
            {
                discoverers++;
                modelHits += model.ForCustomer(later.Key, K, RecommendationMode.Discover, _ => true).Any(r => fresh.Contains(r.Sku)) ? 1 : 0;
                popularityHits += popular.Where(sku => !owned.Contains(sku)).Take(K).Any(fresh.Contains) ? 1 : 0;
            }
        }

        return new RecommendationBacktestResult(
            customers,
            Share(modelRecall, customers),
            Share(buyAgainRecall, customers),
            Share(popularityRecall, customers),
            Share(modelHits, discoverers),
            Share(popularityHits, discoverers),
            training);
    }

    /// <summary>The customer's 10 SKUs bought in the most baskets, ties by the latest day bought, then by SKU.</summary>
    internal static IEnumerable<string> BuyAgain(IEnumerable<Purchase> past) =>
        past.GroupBy(p => p.Sku, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(p => p.BasketId).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(g => g.Max(p => p.Day))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .Take(K);

    private static double Recall(IEnumerable<string> top, HashSet<string> bought) =>
        (double)top.Count(bought.Contains) / bought.Count;

    private static double Share(double part, int whole) => whole == 0 ? 0 : part / whole;
}