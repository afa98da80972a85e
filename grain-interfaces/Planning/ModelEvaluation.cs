namespace OrderGrid.Planning;

/// <summary>
/// A model version scored on held-out days against simple baselines (the backtest's definitions, docs/planning.md):
/// the totals a planner orders from (total WAPE, bias), the M5 RMSSE and, as information, the daily WAPE.
/// Figures are null when the history was too short to hold days out.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.model-evaluation")]
public sealed record ModelEvaluation(
    [property: Id(0)] DateOnly? Cutoff,
    [property: Id(1)] int HorizonDays,
    [property: Id(2)] double? ModelWape,
    [property: Id(3)] double? SeasonalNaiveWape,
    [property: Id(4)] double? MovingAverageWape,
    [property: Id(5)] double? IntervalCoverage,
    [property: Id(6)] int RecommendationCustomers,
    [property: Id(7)] double? ModelRecallAt10,
    [property: Id(8)] double? BuyAgainRecallAt10,
    [property: Id(9)] double? PopularityRecallAt10,
    [property: Id(10)] double? ModelNewItemHitAt10,
    [property: Id(11)] double? PopularityNewItemHitAt10,
    [property: Id(12)] double? ModelTotalWape,
    [property: Id(13)] double? MovingAverageTotalWape,
    [property: Id(14)] double? SeasonalNaiveTotalWape,
    [property: Id(15)] double? ModelBias,
    [property: Id(16)] double? MovingAverageBias,
    [property: Id(17)] double? ModelRmsse,
    [property: Id(18)] double? MovingAverageRmsse);