using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Warehouses;
using OrderGrid.Waves;

namespace OrderGrid.Api.Waves;

/// <summary>
/// The pick-list queue of a warehouse (<c>/api/warehouses/{wh}/pick-lists</c>) and waves of pick lists picked in
/// one walk (<c>/api/warehouses/{wh}/waves</c>, <c>/api/waves/{id}</c>); ops only.
/// </summary>
public static class WaveEndpoints
{
    public static RouteGroupBuilder MapWaves(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var ops = api.MapGroup("").WithTags("Waves").RequireAuthorization(StaffPolicies.Ops);

        ops.MapGet("/warehouses/{wh}/pick-lists", Queue)
            .WithName("ListOpenPickLists")
            .WithSummary("The warehouse's open pick lists, most urgent first: VIP, express, normal, then the oldest order (ops).")
            .Produces<QueuedPickList[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        ops.MapPost("/warehouses/{wh}/waves", Plan)
            .WithName("PlanWave")
            .WithSummary("Takes the first open pick lists of the queue that no wave holds into a new wave (ops).")
            .Produces<WaveView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        ops.MapGet("/waves/{id}", async (string id, IGrainFactory grains) =>
                await grains.GetGrain<IWaveGrain>(id).Get() is { } wave ? TypedResults.Ok(wave) : WaveNotFound(id))
            .WithName("GetWave")
            .WithSummary("The wave: its pick lists and the pick path, units summed per SKU with each pick list's share (ops).")
            .Produces<WaveView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        ops.MapPost("/waves/{id}/picked", async (string id, HttpContext http, IGrainFactory grains) =>
                ApiProblems.OkOr(await grains.GetGrain<IWaveGrain>(id).MarkPicked(http.User.ToStaffActor())))
            .WithName("MarkWavePicked")
            .WithSummary("Marks every pick list of the wave picked; already picked counts as done; answers the outcome per pick list (ops).")
            .Produces<WaveView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> Queue(string wh, string? status, IGrainFactory grains)
    {
        if (status is not null && !string.Equals(status, "open", StringComparison.OrdinalIgnoreCase))
        {
            var errors = new FieldErrors();
            errors.Add("status", "Only open pick lists are queued: use status=open.");
            return ApiProblems.Validation(errors);
        }

        return await Known(wh, grains) ? TypedResults.Ok(await grains.GetGrain<IPickQueueGrain>(wh).Open()) : WarehouseNotFound(wh);
    }

    private static async Task<IResult> Plan(string wh, PlanWaveRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (!await Known(wh, grains))
        {
            return WarehouseNotFound(wh);
        }

        var planned = await grains.GetGrain<IPickQueueGrain>(wh).PlanWave(request?.MaxPickLists, http.User.ToStaffActor());
        return planned.Value is { } wave ? TypedResults.Created($"/api/waves/{wave.Id}", wave) : ApiProblems.From(planned.Refusal!);
    }

    private static async Task<bool> Known(string warehouseId, IGrainFactory grains) =>
        (await grains.GetGrain<IWarehouseDirectoryGrain>("default").List()).Any(w => string.Equals(w.Id, warehouseId, StringComparison.Ordinal));

    private static IResult WarehouseNotFound(string wh) => ApiProblems.NotFound("warehouse.not-found", $"There is no warehouse '{wh}'.");

    private static IResult WaveNotFound(string id) => ApiProblems.NotFound("wave.not-found", $"There is no wave '{id}'.");
}