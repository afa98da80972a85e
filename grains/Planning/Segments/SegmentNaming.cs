namespace OrderGrid.Planning.Segments;

/// <summary>
/// Names k-means clusters. Each name has a prototype customer in the standardised feature space, written as
/// (freshness, orders, spend) in standard deviations from the mean customer, freshness being minus the log recency.
/// The clusters get distinct names so that the summed squared distance from each centroid to its name's prototype
/// is smallest, trying every assignment (at most 5! = 120) in a fixed order and keeping the first best one. This
/// ranks on both axes at once: a cluster of recent one-off buyers is "promising", not "at-risk", even when its
/// overall RFM score is lower than that of a cluster of former big spenders.
/// </summary>
internal static class SegmentNaming
{
    private static readonly (string Name, double[] Prototype)[] Prototypes =
    [
        (SegmentNames.Champions, [1.0, 1.5, 1.5]),
        (SegmentNames.Loyal, [0.5, 0.5, 0.5]),
        (SegmentNames.Promising, [1.0, -0.8, -0.8]),
        (SegmentNames.AtRisk, [-1.0, 0.5, 0.5]),
        (SegmentNames.Lost, [-1.5, -1.0, -1.0]),
    ];

    /// <summary>The name of each centroid (same order); at most as many centroids as names.</summary>
    public static string[] Name(IReadOnlyList<double[]> centroids)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(centroids.Count, Prototypes.Length);
        var best = new int[centroids.Count];
        var bestCost = double.PositiveInfinity;
        var chosen = new int[centroids.Count];
        var used = new bool[Prototypes.Length];

        void Try(int cluster, double cost)
        {
            if (cost >= bestCost)
            {
                return;
            }

            if (cluster == centroids.Count)
            {
                bestCost = cost;
                chosen.CopyTo(best, 0);
                return;
            }

            for (var name = 0; name < Prototypes.Length; name++)
            {
                if (used[name])
                {
                    continue;
                }

                used[name] = true;
                chosen[cluster] = name;
                Try(cluster + 1, cost + Distance(centroids[cluster], Prototypes[name].Prototype));
                used[name] = false;
            }
        }

        Try(0, 0);
        return [.. best.Select(name => Prototypes[name].Name)];
    }

    private static double Distance(double[] centroid, double[] prototype) =>
        centroid.Zip(prototype, (a, b) => (a - b) * (a - b)).Sum();
}