using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Planning;

namespace OrderGrid.Api.Planning;

/// <summary><c>/api/promotions</c>: discounts for a customer segment, created by planners and read by staff.</summary>
public static class PromotionEndpoints
{
    public static RouteGroupBuilder MapPromotions(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Promotions");

        group.MapPost("/", Create)
            .Validates<CreatePromotionRequest>((http, r) => r.Validate(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
            .RequireAuthorization(StaffPolicies.Planner)
            .WithName("CreatePromotion")
            .WithSummary("Creates a discount for the customers of one segment, valid from validFrom (default now) until validUntil, at most one year (planner).")
            .Produces<Promotion>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/", List)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("ListPromotions")
            .WithSummary("Every promotion, newest first, including those that ended in the last 90 days (staff).")
            .Produces<Promotion[]>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetPromotion")
            .WithSummary("One promotion (staff).")
            .Produces<Promotion>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/segments/{segment}", ActiveForSegment)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetActivePromotionsOfSegment")
            .WithSummary("The segment's promotions active now, the biggest discount first (staff).")
            .Produces<Promotion[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/customers/{customerId}", ActiveForCustomer)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetActivePromotionsOfCustomer")
            .WithSummary("The promotions running now for the customer's segment in the serving model; empty when the model does not know the customer (staff).")
            .Produces<Promotion[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> ActiveForCustomer(string customerId, IGrainFactory grains, TimeProvider clock)
    {
        if (!Customers.CustomerIds.IsWellFormed(customerId))
        {
            return ApiProblems.NotFound("customer.not-found", $"There is no customer '{customerId}'.");
        }

        return await grains.GetGrain<IPlanningQueryGrain>(0).SegmentOf(customerId) is { } segment
            ? TypedResults.Ok(await Promotions(grains).ActiveFor(segment, clock.GetUtcNow()))
            : TypedResults.Ok(Array.Empty<Promotion>());
    }

    private static async Task<IResult> Create(CreatePromotionRequest? request, HttpContext http, IGrainFactory grains)
    {
        var created = await Promotions(grains).Create(request!.ToNewPromotion(http.User.ToStaffActor()));
        return created.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"/api/promotions/{created.Value!.Id}", created.Value);
    }

    private static async Task<IResult> List(IGrainFactory grains) => TypedResults.Ok(await Promotions(grains).List());

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        (await Promotions(grains).List()).FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal)) is { } promotion
            ? TypedResults.Ok(promotion)
            : ApiProblems.NotFound("promotion.not-found", $"There is no promotion '{id}'.");

    private static async Task<IResult> ActiveForSegment(string segment, IGrainFactory grains, TimeProvider clock) =>
        SegmentNames.IsKnown(segment)
            ? TypedResults.Ok(await Promotions(grains).ActiveFor(segment, clock.GetUtcNow()))
            : ApiProblems.NotFound("segment.not-found", $"There is no segment '{segment}'; the segments are {string.Join(", ", SegmentNames.All)}.");

    private static IPromotionsGrain Promotions(IGrainFactory grains) => grains.GetGrain<IPromotionsGrain>("default");
}