using OrderGrid.Api.Orders;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Api.Tracking;

/// <summary><c>/api/track/{id}?token=…</c>: the customer's view of one order, opened with its tracking token.</summary>
public static class TrackingEndpoints
{
    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Tracking");

        group.MapGet("/{id}", Track)
            .WithName("TrackOrder")
            .WithSummary("The customer's view of an order: status, lines, parcels with carrier events, timeline, notices.")
            .WithDescription("No key; the order's tracking token is the credential. A wrong or missing token answers the same 404 as an unknown order.")
            .Produces<CustomerOrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<IResult> Track(string id, string? token, IGrainFactory grains)
    {
        var order = OrderIds.IsWellFormed(id) && !string.IsNullOrEmpty(token)
            ? await grains.GetGrain<IOrderGrain>(id).GetForCustomer(token)
            : null;
        return order is null ? OrderEndpoints.NotFound(id) : TypedResults.Ok(await CustomerView(grains, order));
    }

    /// <summary>The customer's view of <paramref name="order"/>, with the carrier events of each of its shipments.</summary>
    public static async Task<CustomerOrderView> CustomerView(IGrainFactory grains, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(order);
        var shipments = await Task.WhenAll(order.Shipments.Select(s => grains.GetGrain<IShipmentGrain>(s.ShipmentId).Get()));
        return CustomerOrderView.From(order, shipments.OfType<ShipmentView>());
    }
}