using System.Collections.Immutable;

namespace OrderGrid.Catalog;

[GenerateSerializer, Alias("og.catalog-state")]
public sealed record CatalogState
{
    [Id(0)] public ImmutableSortedDictionary<string, Product> Products { get; init; } = ImmutableSortedDictionary.Create<string, Product>(StringComparer.Ordinal);
}