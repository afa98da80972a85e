using System.Collections.Immutable;

namespace OrderGrid.Planning;

/// <summary>One of the best sellers before a cutoff: what it sold in the horizon's length of days before, what the
/// model forecast for the horizon and what it really sold in it.</summary>
public sealed record BestSeller(string Sku, double SoldBefore, double Forecast, double Actual);

/// <summary>
/// The served-forecast check, run where the truth is known: the <see cref="Count"/> SKUs that sold most in the
/// horizon's length of days before a cutoff, their forecast for the horizon after it, and what they really sold then.
/// It shows how far "between half and twice the last month" is a fair expectation of a forecast: the best sellers of
/// one month are picked by that month, so a one-off wholesale order lifts a SKU into the list that the next month does
/// not repeat, and even a perfect forecast lies below half the last month for some of them.
/// </summary>
public sealed record BestSellerCheck(ImmutableArray<BestSeller> Skus)
{
    public const int Count = 10;

    /// <summary>Σ forecast ÷ Σ actual over the best sellers: 1 is right.</summary>
    public double? ForecastToActual => Ratio(Skus.Sum(s => s.Forecast), Skus.Sum(s => s.Actual));

    /// <summary>Σ forecast ÷ Σ sold before over the best sellers: the served check's figure.</summary>
    public double? ForecastToBefore => Ratio(Skus.Sum(s => s.Forecast), Skus.Sum(s => s.SoldBefore));

    /// <summary>Σ actual ÷ Σ sold before over the best sellers: what a perfect forecast would score in the served check.</summary>
    public double? ActualToBefore => Ratio(Skus.Sum(s => s.Actual), Skus.Sum(s => s.SoldBefore));

    /// <summary>How many best sellers the model forecasts below half of what they sold before.</summary>
    public int ForecastBelowHalf => Skus.Count(s => s.Forecast < 0.5 * s.SoldBefore);

    /// <summary>How many best sellers really sold below half of what they sold before: the ones a perfect forecast would put there too.</summary>
    public int ActualBelowHalf => Skus.Count(s => s.Actual < 0.5 * s.SoldBefore);

    public static BestSellerCheck Of(DemandHistory history, DemandHistory actual, IReadOnlyList<SkuForecast> forecasts, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecasts);
        var best = forecasts
            .Select(forecast => (Forecast: forecast, Before: Sum(history.Quantities(forecast.Sku)[^Math.Min(horizon, history.DayCount)..])))
            .OrderByDescending(x => x.Before)
            .ThenBy(x => x.Forecast.Sku, StringComparer.Ordinal)
            .Take(Count)
            .Select(x => new BestSeller(
                x.Forecast.Sku,
                x.Before,
                x.Forecast.Days.Take(horizon).Sum(day => day.Quantity),
                x.Forecast.Days.Take(horizon).Sum(day => (double)actual.Quantity(x.Forecast.Sku, day.Day))));
        return new BestSellerCheck([.. best]);
    }

    private static double Sum(ReadOnlySpan<float> days)
    {
        double sum = 0;
        foreach (var units in days)
        {
            sum += units;
        }

        return sum;
    }

    private static double? Ratio(double part, double whole) => whole > 0 ? part / whole : null;
}