using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>A customer's online cart, keyed by customer id.</summary>
public interface ICartGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CartView> Get();

    /// <summary>Sets the quantity of a product in the cart; 0 removes it.</summary>
    Task<Outcome<CartView>> SetQuantity(string sku, int quantity);

    /// <summary>Places the cart's content as an order and empties the cart once the order is placed.</summary>
    Task<Outcome<OrderPlacement>> Checkout(Checkout checkout);
}