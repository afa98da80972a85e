using System.Collections.Immutable;

namespace OrderGrid.Catalog;

/// <summary>One page of the catalog, ordered by SKU.</summary>
[GenerateSerializer, Immutable, Alias("og.catalog-page")]
public sealed record CatalogPage(
    [property: Id(0)] ImmutableArray<Product> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total);