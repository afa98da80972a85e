using OrderGrid.Planning;
using OrderGrid.Planning.Recommendations;
using OrderGrid.Silo.Import;
using OrderGrid.Silo.Planning;

namespace OrderGrid.Tests.Planning.Recommendations;

/// <summary>The purchases of the committed sample before May 2011, and one model trained on them, built once per test run.</summary>
public static class RecommendationSample
{
    public static DateOnly End { get; } = new(2011, 5, 1);

    public static IReadOnlyList<Purchase> Purchases => Read.Value;

    public static RecommendationModel Model => Trained.Value;

    private static Lazy<IReadOnlyList<Purchase>> Read { get; } = new(() =>
    {
        using var reader = ImportFiles.OpenText(PlanningSample.Path, out _);
        return [.. PlanningSales.Read(reader).Purchases.Where(p => p.Day < End)];
    });

    private static Lazy<RecommendationModel> Trained { get; } = new(() => RecommendationModel.Train(Purchases));

    /// <summary>Customers of the sample with the most distinct products, most first (ties by id).</summary>
    public static IReadOnlyList<string> BusyCustomers { get; } = [.. Purchases
        .GroupBy(p => p.CustomerId)
        .OrderByDescending(g => g.Select(p => p.Sku).Distinct().Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .Take(5)
        .Select(g => g.Key)];
}