using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Wall;

namespace OrderGrid.Api.Wall;

/// <summary><c>/api/wall</c>: the operations wall: its snapshot and its counts (staff).</summary>
public static class WallEndpoints
{
    public static RouteGroupBuilder MapWall(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Wall");

        group.MapGet("/", Snapshot)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetWall")
            .WithSummary("Everything the wall shows: counts, orders per minute over the last hour, review queue, backorders and alerts (staff).")
            .WithDescription("The same snapshot is pushed on the wall hub (/hubs/wall, wallChanged) when its revision moves on.")
            .Produces<WallSnapshot>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/summary", Summary)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetWallSummary")
            .WithSummary("Orders by status and by channel, orders placed in the last minute and hour, and the total (staff).")
            .Produces<OrderWallSummary>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Snapshot(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrderWallGrain>("default").Snapshot());

    private static async Task<IResult> Summary(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrderWallGrain>("default").Summary());
}