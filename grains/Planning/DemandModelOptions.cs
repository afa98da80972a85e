namespace OrderGrid.Planning;

/// <summary>
/// How the demand model trains. The defaults are chosen for generalisation: shallow-ish trees, many rows per leaf,
/// a fixed seed and a single training thread so that the same history always gives the same model.
/// </summary>
/// <param name="HoldoutDays">The last days of the training window held out to measure the residuals the prediction interval is built from.</param>
/// <param name="IntervalCoverage">The share of actual days the interval should contain (0.8: from the 10th to the 90th percentile of the residuals).</param>
/// <param name="SpikeCap">A training day's units are cut to this many times the SKU's typical sales day (see <see cref="DemandModel"/>).</param>
public sealed record DemandModelOptions(
    int Trees = 200,
    int Leaves = 31,
    double LearningRate = 0.1,
    int MinRowsPerLeaf = 100,
    int Seed = 20110601,
    int HoldoutDays = 28,
    double IntervalCoverage = 0.8,
    float SpikeCap = 4f)
{
    public static DemandModelOptions Default { get; } = new();
}