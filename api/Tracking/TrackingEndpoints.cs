using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Tracking;

/// <summary>
/// <c>/api/track/{id}?token=…</c>: the customer's view of one order, opened with its tracking token, and the customer's
/// choice when part of it waits for stock.
/// </summary>
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

        group.MapPost("/{id}/shortage", ChooseForShortage)
            .WithName("ChooseForShortage")
            .WithSummary(
                "The customer's choice when part of the order waits for stock: wait-for-stock (recorded), ship-available-now (the split) "
                + "or drop-missing-lines (a modification keeping what is reserved, the refund of the rest recorded).")
            .WithDescription(
                "No key; the order's tracking token is the credential (a wrong or missing token answers 404). Body { choice }. The choice is "
                + "recorded on the order's timeline with the customer as actor. 400 for a missing or unknown choice; 409 when the order does "
                + "not offer that choice now (see allowedActions). Answers the tracking view.")
            .Produces<CustomerOrderView>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return group;
    }

    private static async Task<IResult> Track(string id, string? token, IGrainFactory grains, CustomerOrderViews views) =>
        await grains.OrderOpenedBy(id, token) is { } order ? TypedResults.Ok(await views.For(order)) : OrderEndpoints.NotFound(id);

    private static async Task<IResult> ChooseForShortage(string id, string? token, ShortageChoiceRequest? request, IGrainFactory grains, CustomerOrderViews views)
    {
        if (await grains.OrderOpenedBy(id, token) is not { } order)
        {
            return OrderEndpoints.NotFound(id);
        }

        if (RequestChecks.Problem(request) is { } problem)
        {
            return problem;
        }

        var grain = grains.GetGrain<IOrderGrain>(id);
        var by = Actor.Customer(order.CustomerId);
        var outcome = await (request!.Action switch
        {
            OrderAction.WaitForStock => grain.WaitForStock(by),
            OrderAction.ShipAvailableNow => grain.Split(by),
            _ => grain.DropMissingLines(by),
        });
        return outcome.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(await views.For(outcome.Value!));
    }
}