using OrderGrid.Orders;

namespace OrderGrid.Api.Tracking;

/// <summary>The one check of an order's tracking token, for every route and hub a customer reaches with it.</summary>
public static class OrderTokens
{
    /// <summary>
    /// The order when <paramref name="token"/> opens it; null for an id that cannot be an order's, an unknown order
    /// and a wrong or missing token alike, so that the caller answers all three as an unknown order.
    /// </summary>
    public static async Task<OrderView?> OrderOpenedBy(this IGrainFactory grains, string id, string? token)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return OrderIds.IsWellFormed(id) && !string.IsNullOrEmpty(token) ? await grains.GetGrain<IOrderGrain>(id).GetForCustomer(token) : null;
    }
}