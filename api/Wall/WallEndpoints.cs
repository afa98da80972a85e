using OrderGrid.Api.Auth;
using OrderGrid.Wall;

namespace OrderGrid.Api.Wall;

/// <summary><c>/api/wall</c>: the operations wall's live counts (staff).</summary>
public static class WallEndpoints
{
    public static RouteGroupBuilder MapWall(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Wall");

        group.MapGet("/summary", Summary)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetWallSummary")
            .WithSummary("Orders by status and by channel, orders placed in the last minute and hour, and the total (staff).")
            .Produces<OrderWallSummary>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Summary(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrderWallGrain>("default").Summary());
}