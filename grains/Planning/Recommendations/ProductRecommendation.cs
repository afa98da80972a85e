namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// A product recommended by the engine, best first. <see cref="Reason"/> is plain words and may name another product
/// by its SKU ("often bought with 85123A"): the caller swaps SKUs for names.
/// </summary>
public sealed record ProductRecommendation(string Sku, double Score, string Reason);