namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// How the recommendation model trains. A fixed seed and one training thread make the same history always give the
/// same model and the same lists; the defaults were set on one backtest cutoff and checked on the others.
/// </summary>
/// <param name="LabelDays">The length of each inner window the ranker learns from: the candidates of a customer are labelled by what they bought in the following days.</param>
/// <param name="TrainingWindows">How many such windows, back to back before the end of the history.</param>
/// <param name="RecentDays">What "recent" means for popularity and trend (this month against the month before).</param>
/// <param name="Neighbours">How many co-purchase partners each product keeps.</param>
/// <param name="MinTogether">How many baskets two products must share before they count as bought together.</param>
/// <param name="OwnCandidates">How many of the customer's own products (most often bought first) are candidates.</param>
/// <param name="CoPurchaseCandidates">How many products bought together with the customer's products are candidates.</param>
/// <param name="PopularCandidates">How many popular products are candidates.</param>
public sealed record RecommendationOptions(
    int Trees = 150,
    int Leaves = 16,
    double LearningRate = 0.1,
    int MinRowsPerLeaf = 100,
    int Seed = 20110601,
    int LabelDays = 28,
    int TrainingWindows = 2,
    int RecentDays = 28,
    int Neighbours = 30,
    int MinTogether = 2,
    int OwnCandidates = 50,
    int CoPurchaseCandidates = 50,
    int PopularCandidates = 30)
{
    public static RecommendationOptions Default { get; } = new();
}