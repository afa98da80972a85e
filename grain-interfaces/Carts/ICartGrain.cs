using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>A customer's online cart, keyed by customer id.</summary>
public interface ICartGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CartView> Get();

    /// <summary>Sets the quantity of a product in the cart; 0 removes it. Holds stock for the cart again, for the full time.</summary>
    Task<Outcome<CartView>> SetQuantity(string sku, int quantity);

    /// <summary>
    /// Places the cart's content as an order and empties the cart once the order is placed; the order takes over the
    /// held units.
    /// </summary>
    Task<Outcome<OrderPlacement>> Checkout(Checkout checkout);

    /// <summary>Releases the held stock once its time is up (the reminder calls it); before that, and a second time, it does nothing.</summary>
    Task<CartView> ExpireHolds();
}