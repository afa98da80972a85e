namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// The recommendation figures of a backtest (<see cref="RecommendationBacktest"/>): recall@10 of the model and of the
/// buy-again and popularity baselines, and the new-item hit rate of the discovery list against popularity.
/// </summary>
/// <param name="Customers">Customers active before the cutoff who buy in the horizon: the recall is their mean.</param>
/// <param name="Training">How long the model took to train on the history before the cutoff.</param>
public sealed record RecommendationBacktestResult(
    int Customers,
    double ModelRecallAt10,
    double BuyAgainRecallAt10,
    double PopularityRecallAt10,
    double ModelNewItemHitAt10,
    double PopularityNewItemHitAt10,
    TimeSpan Training);