using System.Collections.Immutable;

namespace OrderGrid.Catalog;

/// <summary>Every product of the catalog, read page by page: for grains that go through all of them (the planner, the wall).</summary>
public static class CatalogListing
{
    private const int PageSize = 500;

    public static async Task<ImmutableArray<Product>> All(this ICatalogGrain catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var products = ImmutableArray.CreateBuilder<Product>();
        for (var page = 1; ; page++)
        {
            var items = (await catalog.Page(page, PageSize, search: null)).Items;
            products.AddRange(items);
            if (items.Length < PageSize)
            {
                return products.ToImmutable();
            }
        }
    }
}