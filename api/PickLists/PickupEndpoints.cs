using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.PickLists;

/// <summary>
/// <c>/api/pick-lists/{id}/ready-for-pickup</c> and <c>/collected</c>: click &amp; collect hands a packed pick list to the
/// customer at its store instead of a carrier (ops). Both answer the order.
/// </summary>
public static class PickupEndpoints
{
    public static RouteGroupBuilder MapPickup(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost("/{id}/ready-for-pickup", Ready)
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("MarkReadyForPickup")
            .WithSummary("A packed pickup order waits in its store for the customer (ops); 409 for an order delivered by carrier.")
            .WithPickupMetadata();

        group.MapPost("/{id}/collected", Collected)
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("MarkCollected")
            .WithSummary("The customer collected the order at the store: its stock leaves the store and the order is delivered (ops).")
            .WithPickupMetadata();

        return group;
    }

    private static async Task<IResult> Ready(string id, HttpContext http, IGrainFactory grains) =>
        PickListIds.TryGetOrderId(id, out var orderId)
            ? ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(orderId).MarkReadyForPickup(id, http.User.ToStaffActor()))
            : NotFound(id);

    private static async Task<IResult> Collected(string id, HttpContext http, IGrainFactory grains) =>
        PickListIds.TryGetOrderId(id, out var orderId)
            ? ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(orderId).MarkCollected(id, http.User.ToStaffActor()))
            : NotFound(id);

    private static IResult NotFound(string id) => ApiProblems.NotFound("pick-list.not-found", $"There is no pick list '{id}'.");

    private static RouteHandlerBuilder WithPickupMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<OrderView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}