using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>Turns the cart into an order with this id (the API derives it, so a retried checkout finds the same order).</summary>
/// <param name="CustomerId">
/// Who the order is for when the cart has no owner: the signed-in customer checking out a guest's cart, or a guest id.
/// An owned cart's order is always its owner's.
/// </param>
/// <param name="By">Who checks out, for the timeline; null: the customer.</param>
[GenerateSerializer, Immutable, Alias("og.checkout")]
public sealed record Checkout(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] SalesChannel Channel,
    [property: Id(4)] Address ShipTo,
    [property: Id(5)] string CustomerId,
    [property: Id(6)] Actor? By = null);