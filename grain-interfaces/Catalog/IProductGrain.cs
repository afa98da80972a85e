using OrderGrid.Common;

namespace OrderGrid.Catalog;

/// <summary>One product, keyed by SKU: the source of its name and price.</summary>
public interface IProductGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<Product?> Get();

    /// <summary>Creates or updates the product and lists it in the catalog.</summary>
    Task<Outcome<Product>> Define(string name, decimal unitPrice);
}