using System.Collections.Immutable;

namespace OrderGrid.Catalog;

/// <summary>The list of all products, sorted by SKU, for browsing and search.</summary>
[GrainType("catalog")]
public sealed class CatalogGrain(
    [PersistentState("catalog", "catalog")] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    public async Task List(Product product)
    {
        state.State = state.State with { Products = state.State.Products.SetItem(product.Sku, product) };
        await state.WriteStateAsync();
    }

    public Task<CatalogPage> Page(int page, int pageSize, string? search)
    {
        IEnumerable<Product> products = state.State.Products.Values;
        if (!string.IsNullOrWhiteSpace(search))
        {
            products = products.Where(p => p.Sku.Contains(search, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var matching = products.ToArray();
        var skip = (long)(page - 1) * pageSize;
        Product[] items = skip >= matching.Length ? [] : [.. matching.Skip((int)skip).Take(pageSize)];
        return Task.FromResult(new CatalogPage([.. items], page, pageSize, matching.Length));
    }

    public Task<int> Count() => Task.FromResult(state.State.Products.Count);

    public Task<bool> Contains(string sku) => Task.FromResult(state.State.Products.ContainsKey(sku));
}