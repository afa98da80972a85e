using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>
/// An online cart, keyed by its server-issued cart id (the API checks the id's signature before it ever names a cart,
/// so no call reaches a cart that was not issued).
/// </summary>
public interface ICartGrain : IGrainWithStringKey
{
    /// <summary>Gives a new cart to a signed-in customer: only they (or staff) may use it from now on. A guest's cart needs no opening.</summary>
    Task<CartView> Open(string customerId);

    [ReadOnly]
    Task<CartView> Get();

    /// <summary>The customer who owns the cart, or null for a guest's cart.</summary>
    [ReadOnly]
    Task<string?> Owner();

    /// <summary>
    /// Sets the quantity of a product in the cart; 0 removes it. Holds stock for the cart again for the full time, within
    /// the hold limits (per line, per cart, the share of the stock, and the end of holding from the first hold).
    /// </summary>
    Task<Outcome<CartView>> SetQuantity(string sku, int quantity);

    /// <summary>
    /// Places the cart's content as an order and empties the cart once the order is placed; the order takes over the
    /// held units.
    /// </summary>
    Task<Outcome<OrderPlacement>> Checkout(Checkout checkout);
}