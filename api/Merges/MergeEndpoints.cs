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
        group.MapGet("/{id}", Get).WithName("GetMerge").WithSummary("The merge with its combined pick list: units per SKU and each order's share (ops).").WithStepMetadata();
        group.MapPost("/{id}/picked", Picked).WithName("MarkMergePicked").WithSummary("Marks every member's pick list picked (ops).").WithStepMetadata();
        group.MapPost("/{id}/packed", Packed).WithName("MarkMergePacked").WithSummary("Marks every member's pick list packed (ops).").WithStepMetadata();
        group.MapPost("/{id}/ship", Ship)
            .WithName("ShipMerge")
            .WithSummary("Ships every member's pick list as one shipment with one tracking number; each order follows it on its own timeline (ops).")
            .WithStepMetadata()
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> Merge(MergeOrdersRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (request is null)
        {
            return ApiProblems.MissingBody();
        }

        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var ids = request.OrderIds!.Select(id => id.Trim()).ToArray();
        if (ids.FirstOrDefault(id => !OrderIds.IsWellFormed(id)) is { } unknown)
        {
            return ApiProblems.NotFound("order.not-found", $"There is no order '{unknown}'.");
        }

        return ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(MergeIds.For(ids)).Merge([.. ids], http.User.ToStaffActor()));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        MergeIds.IsWellFormed(id) && await grains.GetGrain<IMergeGrain>(id).Get() is { } merge ? TypedResults.Ok(merge) : NotFound(id);

    private static async Task<IResult> Picked(string id, HttpContext http, IGrainFactory grains) =>
        MergeIds.IsWellFormed(id) ? ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).MarkPicked(http.User.ToStaffActor())) : NotFound(id);

    private static async Task<IResult> Packed(string id, HttpContext http, IGrainFactory grains) =>
        MergeIds.IsWellFormed(id) ? ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).MarkPacked(http.User.ToStaffActor())) : NotFound(id);

    private static async Task<IResult> Ship(string id, ShipPickListRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (!MergeIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var errors = request?.Validate();
        if (errors is { IsEmpty: false })
        {
            return ApiProblems.Validation(errors);
        }

        var carrier = string.IsNullOrWhiteSpace(request?.Carrier) ? null : request.Carrier.Trim();
        return ApiProblems.OkOr(await grains.GetGrain<IMergeGrain>(id).Ship(carrier, http.User.ToStaffActor()));
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound("merge.not-found", $"There is no merge '{id}'.");

    private static RouteHandlerBuilder WithStepMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<MergeView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}