namespace OrderGrid.Planning;

/// <summary>A product offered to a customer, best first, with why in plain words (e.g. "often bought with Jumbo Bag Red Retrospot").</summary>
[GenerateSerializer, Immutable, Alias("og.recommended-product")]
public sealed record RecommendedProduct(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal UnitPrice,
    [property: Id(3)] double Score,
    [property: Id(4)] string Reason);