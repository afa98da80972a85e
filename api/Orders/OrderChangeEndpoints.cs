using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Tracking;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// Changes to placed orders: <c>POST /api/orders/{id}/modification</c> (ops, or the customer with the tracking token)
/// and <c>POST /api/review-queue/{id}/correction</c> (ops).
/// </summary>
public static class OrderChangeEndpoints
{
    public static RouteGroupBuilder MapOrderChanges(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{id}/modification", Modify)
            .OpenTo(Callers.Customer | Callers.Ops | Callers.Admin)
            .OpsOrToken()
            .OrderId()
            .Validates<ModifyOrderRequest>()
            .WithTags("Orders")
            .WithName("ModifyOrder")
            .WithSummary("Changes quantities, lines or the ship-to address until pick lists are issued; rules run again and the reservation moves by the difference.")
            .WithDescription("Staff send an ops key and get the staff view; the customer sends ?token={trackingToken} instead and gets the tracking view. Once pick lists are issued it answers 409.")
            .WithChangeMetadata();
        return group;
    }

    public static RouteGroupBuilder MapReviewCorrections(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{id}/correction", Correct)
            .WithTags("Orders")
            .RequireAuthorization(StaffPolicies.Ops)
            .OrderId()
            .Validates<ModifyOrderRequest>()
            .WithName("CorrectOrderInReview")
            .WithSummary("Corrects lines or address of an order awaiting review and validates it again: if no rule holds it any more it goes on to reservation (ops).")
            .WithChangeMetadata();
        return group;
    }

    private static async Task<IResult> Modify(string id, ModifyOrderRequest? request, string? token, HttpContext http, IAuthorizationService authorization, IGrainFactory grains)
    {
        var change = request!.ToCommand(correction: false);
        return await OpsOrCustomer.Change(http, authorization, grains, id, token, (order, by) => order.Modify(change, by));
    }

    private static async Task<IResult> Correct(string id, ModifyOrderRequest? request, HttpContext http, IGrainFactory grains) =>
        ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(id).Modify(request!.ToCommand(correction: true), http.User.ToStaffActor()));

    private static RouteHandlerBuilder WithChangeMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}