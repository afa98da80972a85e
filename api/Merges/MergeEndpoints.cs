using OrderGrid.Api.Auth;
using OrderGrid.Api.PickLists;
using OrderGrid.Api.Problems;
using OrderGrid.Merges;
using OrderGrid.Orders;

namespace OrderGrid.Api.Merges;

/// <summary>
/// <c>POST /api/orders/merge</c> and <c>/api/merges/{id}</c> (ops): open orders of one customer to one address are
/// picked from one combined pick list and shipped as one parcel; each order keeps its own timeline and tracking.
/// </summary>
public static class MergeEndpoints
{
    public static RouteGroupBuilder MapOrderMerge(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/merge", Merge)
            .Validates<MergeOrdersRequest>()
            .WithTags("Fulfilment")
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("MergeOrders")
            .WithSummary("Merges 2–10 open orders of one customer to one address, nothing picked yet, all picked in one warehouse (ops). A retry answers the same merge.")
            .WithStepMetadata()
            .ProducesValidationProblem();
        return group;
    }

    public static RouteGroupBuilder MapMerges(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Fulfilment").RequireAuthorization(StaffPolicies.Ops);
        group.MapGet("/{id}", Get).MergeId().WithName("GetMerge").WithSummary("The merge with its combined pick list: units per SKU and each order's share (ops).").WithStepMetadata();
        group.MapPost("/{id}/picked", Picked).MergeId().WithName("MarkMergePicked").WithSummary("Marks every member's pick list picked (ops).").WithStepMetadata();
        group.MapPost("/{id}/packed", Packed).MergeId().WithName("MarkMergePacked").WithSummary("Marks every member's pick list packed (ops).").WithStepMetadata();
        group.MapPost("/{id}/ship", Ship)
            .MergeId()
            .Validates<ShipPickListRequest>(optional: true)
            .WithName("ShipMerge")
            .WithSummary("Ships every member's pick list as one shipment with one tracking number; each order follows it on its own timeline (ops).")
            .WithStepMetadata()
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> Merge(MergeOrdersRequest? request, HttpContext http, IGrainFactory grains)
    {
        var ids = request!.OrderIds!.Select(id => id.Trim()).ToArray();
        if (ids.FirstOrDefault(id => !OrderIds.IsWellFormed(id)) is { } unknown)
        {
            return ApiProblems.NotFound("order.not-found", $"There is no order '{unknown}'.");
        }

        return ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(MergeIds.For(ids)).Merge([.. ids], http.User.ToStaffActor()));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IMergeGrain>(id).Get() is { } merge ? TypedResults.Ok(merge) : NotFound(id);

    private static async Task<IResult> Picked(string id, HttpContext http, IGrainFactory grains) =>
        ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).MarkPicked(http.User.ToStaffActor()));

    private static async Task<IResult> Packed(string id, HttpContext http, IGrainFactory grains) =>
        ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).MarkPacked(http.User.ToStaffActor()));

    private static async Task<IResult> Ship(string id, ShipPickListRequest? request, HttpContext http, IGrainFactory grains)
    {
        var carrier = string.IsNullOrWhiteSpace(request?.Carrier) ? null : request.Carrier.Trim();
        return ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).Ship(carrier, http.User.ToStaffActor()));
    }

    private static RouteHandlerBuilder MergeId(this RouteHandlerBuilder builder) => builder.WellFormedId(MergeIds.IsWellFormed, NotFound);

    private static IResult NotFound(string id) => ApiProblems.NotFound("merge.not-found", $"There is no merge '{id}'.");

    private static RouteHandlerBuilder WithStepMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<MergeView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}