using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// <c>POST /api/orders/{id}/split</c> (ops, or the customer with the tracking token): a backordered order ships what is
/// reserved now, the rest when its stock arrives.
/// </summary>
public static class SplitEndpoints
{
    public static RouteGroupBuilder MapOrderSplit(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{id}/split", Split)
            .OpenTo(Callers.Customer | Callers.Ops | Callers.Admin)
            .OpsOrToken()
            .OrderId()
            .WithTags("Orders")
            .WithName("SplitOrder")
            .WithSummary("Ships what a backordered order has reserved now: pick lists for those units, one per warehouse; the rest gets further pick lists once its stock arrives.")
            .WithDescription(
                "Staff send an ops key and get the staff view; the customer sends ?token={trackingToken} instead (their choice to ship what is here now: action ship-available-now) and gets the tracking view. "
                + "Answers 409 when nothing is reserved yet, or when nothing waits (then issue the pick lists as usual).")
            .Produces<OrderView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }

    private static Task<IResult> Split(string id, string? token, HttpContext http, IAuthorizationService authorization, IGrainFactory grains) =>
        OpsOrCustomer.Change(http, authorization, grains, id, token, (order, by) => order.Split(by));
}