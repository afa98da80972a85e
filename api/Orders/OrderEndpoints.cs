using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Customers;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Api.Tracking;
using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary><c>/api/orders</c>: place orders (customers and staff), read and move them through the lifecycle (staff).</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Orders");

        group.MapPost("/", Place)
            .RequireRateLimiting(PublicRateLimits.Placement)
            .AllowAnonymous()
            .WithName("PlaceOrder")
            .WithSummary("Places an order: validation, review rules and stock reservation run before the answer.")
            .WithDescription(
                "web and app orders need no key; phone, email and store orders are entered by staff and need an ops key. "
                + "Who the order is for: with a staff key, customerId (required); with a customer token, that customer (customerId may be "
                + "left out, and another one is refused with 403); with neither, a guest of its own (guest-{orderId}): customerId is then "
                + "ignored and no stored customer is linked or changed, because typing a customer id proves nothing. "
                + "With an Idempotency-Key header, the same request again answers the same 201 and order (plus Idempotent-Replayed: true) "
                + "instead of placing a second one; the key reused with a different body is refused with 422. "
                + "A new order answers 201 with Location; the Link header (rel=\"tracking\") is the customer's tracking page /track/{id}?token={trackingToken}.")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .OrderId()
            .WithName("GetOrder")
            .WithSummary("The order as staff see it (staff).")
            .Produces<OrderView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/{id}/approve", Approve)
            .RequireAuthorization(StaffPolicies.Ops)
            .OrderId()
            .WithName("ApproveOrder")
            .WithSummary("Approves an order awaiting review; it goes on to stock reservation (ops).")
            .WithTransitionMetadata();

        group.MapPost("/{id}/reject", Reject)
            .RequireAuthorization(StaffPolicies.Ops)
            .OrderId()
            .Validates<ReasonRequest>()
            .WithName("RejectOrder")
            .WithSummary("Rejects an order awaiting review, with a reason; it is cancelled (ops).")
            .WithTransitionMetadata()
            .ProducesValidationProblem();

        group.MapPost("/{id}/cancel", Cancel)
            .OpenTo(Callers.Customer | Callers.Ops | Callers.Admin)
            .OpsOrToken()
            .OrderId()
            .Validates<ReasonRequest>()
            .WithName("CancelOrder")
            .WithSummary("Cancels an order until its first pick list ships; reservations are released once.")
            .WithDescription("Staff send an ops key and get the staff view; the customer sends ?token={trackingToken} instead and gets the tracking view. A wrong token answers 404 like an unknown order.")
            .WithTransitionMetadata()
            .ProducesValidationProblem();

        group.MapPost("/{id}/pick-lists", IssuePickLists)
            .RequireAuthorization(StaffPolicies.Ops)
            .OrderId()
            .WithName("IssuePickLists")
            .WithSummary("Issues one pick list per warehouse of a reserved order; the order moves to Processing (ops).")
            .Produces<PickList[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Place(
        PlaceOrderRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        IAuthorizationService authorization,
        FreshGrainKeys fresh,
        IGrainFactory grains)
    {
        if (http.SentInvalidKey())
        {
            return TypedResults.Challenge();
        }

        if (RequestChecks.Problem(http, request, Validate) is { } problem)
        {
            return problem;
        }

        if (request!.Channel is not (SalesChannel.Web or SalesChannel.App) && await http.Require(authorization, StaffPolicies.Ops) is { } denied)
        {
            return denied;
        }

        var signedIn = http.SignedInCustomer();
        if (signedIn is not null && request.CustomerId is { } named && named != signedIn)
        {
            return OrderCustomers.NotYours(signedIn);
        }

        var scope = http.IsStaff() ? request.CustomerId! : signedIn ?? OrderCustomers.GuestScope(request.Email, request.Phone);
        var orderId = IdempotencyKeys.OrderId(scope, idempotencyKey);
        var customerId = http.IsStaff() || signedIn is not null ? scope : GuestCustomers.For(orderId);
        if (idempotencyKey is null)
        {
            // A random id nobody has seen: its order, outbox and guest need no storage read.
            fresh.NewOrder(orderId, customerId);
        }

        var placedBy = http.IsStaff() ? http.User.ToStaffActor() : Actor.Customer(customerId);
        return OrderPlacements.ToHttp(http, await grains.GetGrain<IOrderGrain>(orderId).Place(request.ToCommand(customerId, placedBy)));
    }

    /// <summary>The body's rules, the customer id staff must name, and the idempotency key.</summary>
    private static FieldErrors Validate(HttpContext http, PlaceOrderRequest request)
    {
        var errors = request.Validate();
        if (http.IsStaff())
        {
            errors.CheckCustomerId("customerId", request.CustomerId);
        }

        return errors.AndKey(http);
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IOrderGrain>(id).Get() is { } order ? TypedResults.Ok(order) : NotFound(id);

    private static async Task<IResult> Approve(string id, HttpContext http, IGrainFactory grains) =>
        ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(id).Approve(http.User.ToStaffActor()));

    private static async Task<IResult> Reject(string id, ReasonRequest? request, HttpContext http, IGrainFactory grains) =>
        ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(id).Reject(request!.Reason!.Trim(), http.User.ToStaffActor()));

    private static async Task<IResult> Cancel(string id, ReasonRequest? request, string? token, HttpContext http, IAuthorizationService authorization, IGrainFactory grains)
    {
        var reason = request!.Reason!.Trim();
        return await OpsOrCustomer.Change(http, authorization, grains, id, token, (order, by) => order.Cancel(reason, by));
    }

    private static async Task<IResult> IssuePickLists(string id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IOrderGrain>(id).IssuePickLists(http.User.ToStaffActor());
        return outcome.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(outcome.Value!.PickLists);
    }

    /// <summary>The one answer for an order that does not exist or that the caller may not see.</summary>
    public static IResult NotFound(string id) => ApiProblems.NotFound("order.not-found", $"There is no order '{id}'.");

    private static RouteHandlerBuilder WithTransitionMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<OrderView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}