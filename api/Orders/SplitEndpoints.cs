using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary><c>POST /api/orders/{id}/split</c> (ops): a backordered order ships what is reserved now, the rest when its stock arrives.</summary>
public static class SplitEndpoints
{
    public static RouteGroupBuilder MapOrderSplit(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{id}/split", Split)
            .WithTags("Orders")
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("SplitOrder")
            .WithSummary("Ships what a backordered order has reserved now: pick lists for those units, one per warehouse; the rest gets further pick lists once its stock arrives (ops).")
            .WithDescription("Answers 409 when nothing is reserved yet, or when nothing waits (then issue the pick lists as usual).")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<IResult> Split(string id, HttpContext http, IGrainFactory grains) =>
        OrderIds.IsWellFormed(id)
            ? ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(id).Split(http.User.ToStaffActor()))
            : OrderEndpoints.NotFound(id);
}