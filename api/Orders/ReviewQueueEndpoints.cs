using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;
using OrderGrid.Wall;

namespace OrderGrid.Api.Orders;

/// <summary><c>/api/review-queue</c>: orders awaiting staff review, oldest first (ops).</summary>
public static class ReviewQueueEndpoints
{
    public const int Limit = 200;

    public static RouteGroupBuilder MapReviewQueue(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Orders");

        group.MapGet("/", List)
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("GetReviewQueue")
            .WithSummary("Up to 200 orders awaiting review, oldest first (ops).")
            .Produces<ReviewQueueItem[]>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var queued = await grains.GetGrain<IOrderWallGrain>("default").Queue(OrderStatus.AwaitingReview, Limit);
        var orders = await Task.WhenAll(queued.Select(entry => grains.GetGrain<IOrderGrain>(entry.OrderId).Get()));

        // The wall learns of status changes one way, so an order may have moved on since: show what is still waiting.
        return TypedResults.Ok(orders
            .Where(order => order is { Status: OrderStatus.AwaitingReview })
            .Select(order => ReviewQueueItem.From(order!))
            .ToArray());
    }
}