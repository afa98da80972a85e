using OrderGrid.Common;

namespace OrderGrid.Catalog;

/// <summary>One product (key: SKU), the source of its name and price.</summary>
[GrainType("product")]
public sealed class ProductGrain(
    [PersistentState("product", "catalog")] IPersistentState<ProductState> state) : Grain, IProductGrain
{
    public Task<Product?> Get() => Task.FromResult(state.State.Product);

    public async Task<Outcome<Product>> Define(string name, decimal unitPrice)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Refusal.Invalid("product.invalid-name", "A product name is 1 to 200 characters.");
        }

        if (unitPrice is <= 0 or > 1_000_000 || decimal.Round(unitPrice, 2) != unitPrice)
        {
            return Refusal.Invalid("product.invalid-price", "A unit price is above 0, at most 1,000,000, with at most 2 decimals.");
        }

        var product = new Product(this.GetPrimaryKeyString(), name.Trim(), unitPrice);
        if (product != state.State.Product)
        {
            state.State = new() { Product = product };
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<ICatalogGrain>("default").List(product);
        }

        return product;
    }
}