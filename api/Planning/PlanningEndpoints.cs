using OrderGrid.Api.Auth;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Problems;
using OrderGrid.Planning;

namespace OrderGrid.Api.Planning;

/// <summary>
/// <c>/api/planning</c> (planner): demand forecasts, restock suggestions and accepting them, inventory health,
/// customer segments, the serving model version and its backtest, and retraining on demand.
/// </summary>
public static class PlanningEndpoints
{
    public const int MaxHorizon = 28;

    public static RouteGroupBuilder MapPlanning(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Planning").RequireAuthorization(StaffPolicies.Planner)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/forecast/{sku}", Forecast)
            .WithName("GetForecast")
            .WithSummary("A SKU's last 90 days of demand and its daily forecast with the prediction interval, for one warehouse or all, and the model version that made it.")
            .Produces<ForecastView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/restock-suggestions", RestockSuggestions)
            .WithName("ListRestockSuggestions")
            .WithSummary("What to order for a warehouse, most urgent first: forecast lead-time demand, safety stock, reorder point, quantity, stock-out date.")
            .Produces<IReadOnlyList<RestockSuggestion>>()
            .ProducesValidationProblem();

        group.MapPost("/restock-suggestions/{id}/accept", Accept)
            .Validates<AcceptSuggestionRequest>(optional: true)
            .WithName("AcceptRestockSuggestion")
            .WithSummary("Turns a suggestion into a purchase order: incoming stock with its expected date. Accepting twice orders once.")
            .Produces<SuggestionAccepted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/inventory-health", InventoryHealth)
            .WithName("GetInventoryHealth")
            .WithSummary("Days of cover and turnover of every SKU in a warehouse, with the overstock and dead-stock lists.")
            .Produces<InventoryHealthView>()
            .ProducesValidationProblem();

        group.MapGet("/segments", Segments)
            .WithName("ListSegments")
            .WithSummary("Customer segments (RFM k-means) of the serving model version.")
            .Produces<SegmentsView>();

        group.MapGet("/models", Models)
            .WithName("GetPlanningModels")
            .WithSummary("The serving model version with its training window and evaluation, and whether a training run is in progress.")
            .Produces<TrainingStatus>();

        group.MapPost("/models/retrain", Retrain)
            .WithName("RetrainPlanningModels")
            .WithSummary("Starts training a new model version now (unless one is training); planners are told over the planning hub when it serves.")
            .Produces<TrainingStatus>(StatusCodes.Status202Accepted);

        group.MapGet("/backtest", Backtest)
            .WithName("GetBacktest")
            .WithSummary("How the serving version scored on the held-out days against the baselines (WAPE, recall@10, new-item hit@10).")
            .Produces<ModelEvaluation>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static IPlanningQueryGrain Query(IGrainFactory grains) => grains.GetGrain<IPlanningQueryGrain>(0);

    private static async Task<IResult> Forecast(string sku, string? warehouseId, string? horizon, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var days = errors.Number("horizon", horizon, 1, MaxHorizon) ?? MaxHorizon;
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        if (await PlanningQuery.FindWarehouse(grains, warehouseId, required: false) is { } badWarehouse)
        {
            return badWarehouse;
        }

        var forecast = Skus.IsWellFormed(sku) ? await Query(grains).Forecast(sku, warehouseId, days) : null;
        return forecast is null
            ? ApiProblems.NotFound("product.not-found", $"There is no product '{sku}'.")
            : TypedResults.Ok(forecast);
    }

    private static async Task<IResult> RestockSuggestions(string? warehouseId, IGrainFactory grains) =>
        await PlanningQuery.FindWarehouse(grains, warehouseId, required: true) is { } badWarehouse
            ? badWarehouse
            : TypedResults.Ok(await Query(grains).RestockSuggestions(warehouseId!));

    private static async Task<IResult> Accept(string id, AcceptSuggestionRequest? request, HttpContext http, IGrainFactory grains)
    {
        var outcome = await Query(grains).AcceptSuggestion(id, request?.Quantity, http.User.ToStaffActor());
        return outcome.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"/api/stock/{outcome.Value!.WarehouseId}/{outcome.Value.Sku}/purchase-orders", outcome.Value);
    }

    private static async Task<IResult> InventoryHealth(string? warehouseId, IGrainFactory grains) =>
        await PlanningQuery.FindWarehouse(grains, warehouseId, required: true) is { } badWarehouse
            ? badWarehouse
            : TypedResults.Ok(await Query(grains).InventoryHealth(warehouseId!));

    private static async Task<IResult> Segments(IGrainFactory grains) => TypedResults.Ok(await Query(grains).Segments());

    private static async Task<IResult> Models(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPlannerGrain>("default").Status());

    private static async Task<IResult> Retrain(HttpContext http, IGrainFactory grains) =>
        TypedResults.Accepted("/api/planning/models", await grains.GetGrain<IPlannerGrain>("default").Retrain(http.User.ToStaffActor()));

    private static async Task<IResult> Backtest(IGrainFactory grains) =>
        (await grains.GetGrain<IPlannerGrain>("default").Status()).Current is { } current
            ? TypedResults.Ok(current.Evaluation)
            : ApiProblems.NotFound("planning.no-model", "No model version has been trained yet.");
}