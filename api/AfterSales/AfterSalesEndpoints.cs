using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.AfterSales;
using OrderGrid.Api.Auth;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Api.Tracking;
using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.AfterSales;

/// <summary>
/// Returns (RMA), exchanges, service tickets and ratings: staff under <c>/api/orders</c>, <c>/api/returns</c>,
/// <c>/api/tickets</c>, <c>/api/feedback</c>; customers under <c>/api/track/{id}</c> with the order's tracking token.
/// </summary>
public static class AfterSalesEndpoints
{
    public static RouteGroupBuilder MapAfterSales(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var staff = api.MapGroup("").WithTags("After-sales").RequireAuthorization(StaffPolicies.Staff);
        var ops = api.MapGroup("").WithTags("After-sales").RequireAuthorization(StaffPolicies.Ops);
        var customer = api.MapGroup("/track/{id}").WithTags("After-sales").RequireRateLimiting(PublicRateLimits.Tracking).OpenTo(Callers.Customer);

        ops.MapPost("/orders/{id}/returns", (string id, ReturnRequest? request, HttpContext http, IGrainFactory grains) =>
            RequestReturn(id, request!, http.User.ToStaffActor(), grains))
            .Validates<ReturnRequest>()
            .WithSummary("Opens a return for a delivered order on the customer's behalf (ops).")
            .Answers<ReturnView>(StatusCodes.Status201Created, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        staff.MapGet("/orders/{id}/returns", async (string id, IGrainFactory grains) => TypedResults.Ok(await Order(grains, id).Returns()))
            .WithSummary("The order's returns (staff).")
            .Produces<ReturnView[]>();
        staff.MapGet("/orders/{id}/after-sales", StaffView)
            .OrderId()
            .WithSummary("The order's returns and tickets with their steps, and whether a return or a ticket may be opened now (staff).")
            .Answers<OrderAfterSales>(StatusCodes.Status200OK, StatusCodes.Status404NotFound);
        staff.MapGet("/returns/{rma}", async (string rma, IGrainFactory grains) =>
            await grains.GetGrain<IReturnGrain>(rma).Get() is { } r ? TypedResults.Ok(r) : ReturnNotFound(rma))
            .WithSummary("One return (staff).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound);
        ops.MapPost("/returns/{rma}/approve", (string rma, HttpContext http, IGrainFactory grains) =>
            Ok(Return(grains, rma).Approve(http.User.ToStaffActor())))
            .WithSummary("Approves a requested return (ops).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        ops.MapPost("/returns/{rma}/decline", (string rma, DeclineReturnRequest? request, HttpContext http, IGrainFactory grains) =>
            Ok(Return(grains, rma).Decline(request!.Reason!, http.User.ToStaffActor())))
            .Validates<DeclineReturnRequest>()
            .WithSummary("Declines a requested return with a reason (ops).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        ops.MapPost("/returns/{rma}/receive", (string rma, ReceiveReturnRequest? request, HttpContext http, IGrainFactory grains) =>
            Ok(Return(grains, rma).Receive(request!.ToLines(), http.User.ToStaffActor())))
            .Validates<ReceiveReturnRequest>()
            .WithSummary("Counts returned goods in: resaleable back to stock, damaged written off (ops).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        ops.MapPost("/returns/{rma}/refund", (string rma, RefundRequest? request, HttpContext http, IGrainFactory grains) =>
            Ok(Return(grains, rma).Refund(request!.Method!, request.Reference, http.User.ToStaffActor())))
            .Validates<RefundRequest>()
            .WithSummary("Records the refund of a received return, once (ops).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        ops.MapPost("/returns/{rma}/exchange", (string rma, HttpContext http, IGrainFactory grains) =>
            Ok(Return(grains, rma).Exchange(http.User.ToStaffActor())))
            .WithSummary("Places the replacement order for an approved return (ops).")
            .Answers<ReturnView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        ops.MapPost("/orders/{id}/tickets", (string id, TicketRequest? request, HttpContext http, IGrainFactory grains) =>
            OpenTicket(id, request!, http.User.ToStaffActor(), grains))
            .Validates<TicketRequest>()
            .WithSummary("Opens a service ticket on an order (ops).")
            .Answers<TicketView>(StatusCodes.Status201Created, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        staff.MapGet("/orders/{id}/tickets", async (string id, IGrainFactory grains) => TypedResults.Ok(await Order(grains, id).Tickets()))
            .WithSummary("The order's service tickets (staff).")
            .Produces<TicketView[]>();
        staff.MapGet("/tickets/{ticketId}", async (string ticketId, IGrainFactory grains) =>
            await grains.GetGrain<ITicketGrain>(ticketId).Get() is { } t ? TypedResults.Ok(t) : TicketNotFound(ticketId))
            .WithSummary("One ticket with its messages (staff).")
            .Answers<TicketView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound);
        ops.MapPost("/tickets/{ticketId}/messages", (string ticketId, TicketMessageRequest? request, HttpContext http, IGrainFactory grains) =>
            Ok(grains.GetGrain<ITicketGrain>(ticketId).Post(request!.Text!, http.User.ToStaffActor())))
            .Validates<TicketMessageRequest>()
            .WithSummary("Answers a ticket (ops).")
            .Answers<TicketView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        ops.MapPatch("/tickets/{ticketId}", (string ticketId, TicketStatusRequest? request, HttpContext http, IGrainFactory grains) =>
            request?.Status is { } status ? Ok(grains.GetGrain<ITicketGrain>(ticketId).SetStatus(status, http.User.ToStaffActor())) : Task.FromResult(StatusRequired()))
            .WithSummary("Sets a ticket's status: resolves or closes it (ops).")
            .Answers<TicketView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        staff.MapGet("/feedback/summary", async (IGrainFactory grains) => TypedResults.Ok((await Desk(grains).Board()).Feedback))
            .WithSummary("Average rating, count and latest comments (staff).");
        staff.MapGet("/after-sales/board", async (IGrainFactory grains) => TypedResults.Ok(await Desk(grains).Board()))
            .WithSummary("Returns to approve or receive, open tickets and ratings, for the wall (staff).");

        customer.MapGet("/after-sales", (string id, string? token, IGrainFactory grains) =>
            AsCustomer(grains, id, token, async order => (IResult)TypedResults.Ok(await CustomerView(grains, id))))
            .WithSummary("The order's returns, tickets and rating form, and what the customer may do now, for its customer (tracking token).")
            .Answers<CustomerAfterSales>(StatusCodes.Status200OK, StatusCodes.Status404NotFound);
        customer.MapPost("/returns", (string id, string? token, ReturnRequest? request, IGrainFactory grains) =>
            AsCustomer(grains, id, token, order => Checked(request, r => RequestReturn(id, r, Actor.Customer(order.CustomerId), grains))))
            .WithSummary("The customer asks for a return (tracking token).")
            .Answers<ReturnView>(StatusCodes.Status201Created, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        customer.MapPost("/tickets", (string id, string? token, TicketRequest? request, IGrainFactory grains) =>
            AsCustomer(grains, id, token, order => Checked(request, r => OpenTicket(id, r, Actor.Customer(order.CustomerId), grains))))
            .WithSummary("The customer opens a service ticket (tracking token).")
            .Answers<TicketView>(StatusCodes.Status201Created, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        customer.MapPost("/tickets/{ticketId}/messages", (string id, string ticketId, string? token, TicketMessageRequest? request, IGrainFactory grains) =>
            AsCustomer(grains, id, token, async order =>
                (await grains.GetGrain<ITicketGrain>(ticketId).Get())?.OrderId != id ? TicketNotFound(ticketId)
                : await Checked(request, r => Ok(grains.GetGrain<ITicketGrain>(ticketId).Post(r.Text!, Actor.Customer(order.CustomerId))))))
            .WithSummary("The customer writes on one of the order's tickets (tracking token).")
            .Answers<TicketView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        customer.MapPost("/feedback", (string id, string? token, FeedbackRequest? request, IGrainFactory grains) =>
            AsCustomer(grains, id, token, order => Checked(request, r =>
                Ok(Order(grains, id).Rate(r.Rating!.Value, r.Comment, Actor.Customer(order.CustomerId))))))
            .WithSummary("The customer rates the order once it is due, once (tracking token).")
            .Answers<FeedbackView>(StatusCodes.Status200OK, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        return api;
    }

    private static Task<IResult> RequestReturn(string id, ReturnRequest request, Actor by, IGrainFactory grains) =>
        Created(Order(grains, id).RequestReturn(request.ToLines(), request.Reason!, by), v => $"/api/returns/{v.Id}");

    private static Task<IResult> OpenTicket(string id, TicketRequest request, Actor by, IGrainFactory grains) =>
        Created(Order(grains, id).OpenTicket(request.Category!.Value, request.Message!, by), v => $"/api/tickets/{v.Id}");

    private static async Task<IResult> StaffView(string id, IGrainFactory grains, IOptions<CatalogOptions> catalog)
    {
        if (await grains.GetGrain<IOrderGrain>(id).Get() is null)
        {
            return OrderEndpoints.NotFound(id);
        }

        var after = Order(grains, id);
        var allowed = (await after.AllowedActions()).Where(a => a != AfterSalesAction.Rate).ToImmutableArray();
        var tickets = await after.Tickets();
        return TypedResults.Ok(new OrderAfterSales(
            await after.Returns(), tickets, allowed, [.. tickets.Select(t => new TicketSteps(t.Id, t.StaffActions()))], catalog.Value.Currency));
    }

    private static async Task<CustomerAfterSales> CustomerView(IGrainFactory grains, string id)
    {
        var after = Order(grains, id);
        return new CustomerAfterSales(
            [.. (await after.Returns()).Select(CustomerReturn.From)], await after.Tickets(), (await after.Feedback()).Value!, await after.AllowedActions(), await after.Returnable());
    }

    /// <summary>Runs <paramref name="act"/> when the token opens the order; otherwise the same 404 as an unknown order.</summary>
    private static async Task<IResult> AsCustomer(IGrainFactory grains, string id, string? token, Func<OrderView, Task<IResult>> act) =>
        await grains.OrderOpenedBy(id, token) is { } order ? await act(order) : OrderEndpoints.NotFound(id);

    /// <summary>The answer <typeparamref name="T"/> with <paramref name="status"/>, and the problems it may give instead.</summary>
    private static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder builder, int status, params int[] problems) =>
        builder.Produces<T>(status).ProducesProblems(problems);

    private static async Task<IResult> Checked<T>(T? request, Func<T, Task<IResult>> act)
        where T : class, IValidatedRequest =>
        RequestChecks.Problem(request) ?? await act(request!);

    private static async Task<IResult> Ok<T>(Task<Outcome<T>> outcome)
        where T : class => ApiProblems.OkOr(await outcome);

    private static async Task<IResult> Created<T>(Task<Outcome<T>> outcome, Func<T, string> location)
        where T : class
    {
        var result = await outcome;
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Created(location(result.Value!), result.Value);
    }

    private static IResult StatusRequired()
    {
        var errors = new FieldErrors();
        errors.Add("status", "Required: Open, WaitingOnCustomer, Answered, Resolved or Closed.");
        return ApiProblems.Validation(errors);
    }

    private static IOrderAfterSalesGrain Order(IGrainFactory grains, string id) => grains.GetGrain<IOrderAfterSalesGrain>(id);

    private static IReturnGrain Return(IGrainFactory grains, string rma) => grains.GetGrain<IReturnGrain>(rma);

    private static IAfterSalesDeskGrain Desk(IGrainFactory grains) => grains.GetGrain<IAfterSalesDeskGrain>("default");

    private static IResult ReturnNotFound(string rma) => ApiProblems.NotFound("return.not-found", $"There is no return {rma}.");

    private static IResult TicketNotFound(string id) => ApiProblems.NotFound("ticket.not-found", $"There is no ticket {id}.");
}