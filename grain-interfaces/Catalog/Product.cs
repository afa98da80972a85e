namespace OrderGrid.Catalog;

/// <summary>A product that can be ordered, at its current price.</summary>
[GenerateSerializer, Immutable, Alias("og.product")]
public sealed record Product(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal UnitPrice);