namespace OrderGrid.Catalog;

/// <summary>The list of all products (key <c>default</c>), for browsing and search. Prices are owned by each product.</summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    Task List(Product product);

    [ReadOnly]
    Task<CatalogPage> Page(int page, int pageSize, string? search);

    [ReadOnly]
    Task<int> Count();

    /// <summary>Whether the product is listed: one grain answers for any SKU, so asking about made-up SKUs activates nothing more.</summary>
    [ReadOnly]
    Task<bool> Contains(string sku);
}