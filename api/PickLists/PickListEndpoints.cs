using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.PickLists;

/// <summary><c>/api/pick-lists/{id}</c>: record picking, packing and shipping in the warehouse (ops).</summary>
public static class PickListEndpoints
{
    public static RouteGroupBuilder MapPickLists(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Fulfilment").RequireAuthorization(StaffPolicies.Ops);

        group.MapPost("/{id}/picked", Picked)
            .WithName("MarkPickListPicked")
            .WithSummary("Records that the pick list's goods were picked (ops).")
            .WithStepMetadata<PickList>();

        group.MapPost("/{id}/packed", Packed)
            .WithName("MarkPickListPacked")
            .WithSummary("Records that the picked goods were packed (ops).")
            .WithStepMetadata<PickList>();

        group.MapPost("/{id}/ship", Ship)
            .WellFormedId(id => PickListIds.TryGetOrderId(id, out _), NotFound)
            .Validates<ShipPickListRequest>(optional: true)
            .WithName("ShipPickList")
            .WithSummary("Hands a packed pick list to a carrier (the default carrier when none is named): creates a shipment with a tracking number (ops).")
            .WithStepMetadata<ShippingLabel>()
            .ProducesValidationProblem();

        return group;
    }

    private static async Task<IResult> Picked(string id, HttpContext http, IGrainFactory grains) =>
        PickListIds.TryGetOrderId(id, out var orderId)
            ? ThePickList(id, await grains.GetGrain<IOrderGrain>(orderId).MarkPicked(id, http.User.ToStaffActor()))
            : NotFound(id);

    private static async Task<IResult> Packed(string id, HttpContext http, IGrainFactory grains) =>
        PickListIds.TryGetOrderId(id, out var orderId)
            ? ThePickList(id, await grains.GetGrain<IOrderGrain>(orderId).MarkPacked(id, http.User.ToStaffActor()))
            : NotFound(id);

    private static async Task<IResult> Ship(string id, ShipPickListRequest? request, HttpContext http, IGrainFactory grains)
    {
        PickListIds.TryGetOrderId(id, out var orderId);
        var carrier = string.IsNullOrWhiteSpace(request?.Carrier) ? null : request.Carrier.Trim();
        return ApiProblems.OkOr(await grains.GetGrain<IOrderGrain>(orderId).Ship(id, carrier, http.User.ToStaffActor()));
    }

    private static IResult ThePickList(string id, Outcome<OrderView> outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var pickList = outcome.Value!.PickLists.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
        return pickList is null ? NotFound(id) : TypedResults.Ok(pickList);
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound("pick-list.not-found", $"There is no pick list '{id}'.");

    private static RouteHandlerBuilder WithStepMetadata<T>(this RouteHandlerBuilder builder) =>
        builder
            .Produces<T>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}