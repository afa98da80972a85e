using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Demo;

namespace OrderGrid.Api.Demo;

/// <summary><c>/api/demo/simulation</c>: whether the demo traffic simulator runs (staff), and switching it (ops).</summary>
public static class DemoEndpoints
{
    public static RouteGroupBuilder MapDemo(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Demo");

        group.MapGet("/simulation", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetDemoSimulation")
            .WithSummary("Whether the demo traffic simulator runs, its pace in orders a minute, and how many orders it has placed (staff).")
            .Produces<DemoSimulation>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPut("/simulation", Set)
            .Validates<DemoSimulationRequest>()
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("SetDemoSimulation")
            .WithSummary("Switches the demo traffic simulator on or off and optionally sets its pace, 1 to 600 orders a minute (ops).")
            .WithDescription("The simulator places orders across the channels and moves them through review, picking, shipping and carrier events, "
                + "as the user demo-simulator. Switched off, its orders stay where they are.")
            .Produces<DemoSimulation>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Get(IGrainFactory grains) =>
        TypedResults.Ok(await Simulator(grains).Status());

    private static async Task<IResult> Set(DemoSimulationRequest? request, IGrainFactory grains)
    {
        var simulator = Simulator(grains);
        if (request!.Enabled == true)
        {
            return ApiProblems.OkOr(await simulator.Start(request.OrdersPerMinute));
        }

        if (request.OrdersPerMinute is { } pace && (await simulator.SetPace(pace)).Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return TypedResults.Ok(await simulator.Stop());
    }

    private static IDemoTrafficGrain Simulator(IGrainFactory grains) => grains.GetGrain<IDemoTrafficGrain>("default");
}