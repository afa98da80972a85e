using OrderGrid.Api.Auth;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Catalog;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Stock;

/// <summary><c>/api/stock/{warehouseId}/{sku}</c>: stock levels (staff), receipts and adjustments (ops), purchase orders.</summary>
public static class StockEndpoints
{
    public static RouteGroupBuilder MapStock(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Stock");

        group.MapGet("/{warehouseId}/{sku}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetStockLevel")
            .WithSummary("On hand, reserved, available (= on hand − reserved), incoming and backordered units (staff).")
            .Produces<StockLevel>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/{warehouseId}/{sku}/receipts", Receive)
            .Validates<ReceiveStockRequest>((http, r) => r.Validate().AndKey(http))
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("ReceiveStock")
            .WithSummary(
                "Records goods received (ops), against an open purchase order when purchaseOrderId names one (more than it owes "
                + "closes it). An Idempotency-Key header makes a retry harmless. Backorders are filled oldest first.")
            .Produces<StockLevel>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/{warehouseId}/{sku}/adjustments", Adjust)
            .Validates<AdjustStockRequest>((http, r) => r.Validate().AndKey(http))
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("AdjustStock")
            .WithSummary("Corrects on-hand stock by delta, with a reason (ops). An Idempotency-Key header makes a retry harmless.")
            .Produces<StockLevel>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group.MapPurchaseOrders();
    }

    private static async Task<IResult> Get(string warehouseId, string sku, IGrainFactory grains)
    {
        if (await FindLocation(grains, warehouseId, sku) is { } notFound)
        {
            return notFound;
        }

        return TypedResults.Ok(await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku)).GetLevel());
    }

    private static async Task<IResult> Receive(
        string warehouseId,
        string sku,
        ReceiveStockRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        IGrainFactory grains)
    {
        if (await FindLocation(grains, warehouseId, sku) is { } notFound)
        {
            return notFound;
        }

        var receipt = new StockReceipt(
            request!.Quantity!.Value, request.Reason?.Trim(), http.User.ToStaffActor(), OperationId("receipt", idempotencyKey), request.PurchaseOrderId?.Trim());
        return ApiProblems.OkOr(await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku)).Receive(receipt));
    }

    private static async Task<IResult> Adjust(
        string warehouseId,
        string sku,
        AdjustStockRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        IGrainFactory grains)
    {
        if (await FindLocation(grains, warehouseId, sku) is { } notFound)
        {
            return notFound;
        }

        var adjustment = new StockAdjustment(request!.Delta!.Value, request.Reason!.Trim(), http.User.ToStaffActor(), OperationId("adjustment", idempotencyKey));
        return ApiProblems.OkOr(await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku)).Adjust(adjustment));
    }

    // Receipts and adjustments share the stock grain's record of applied operations: the kind keeps their keys apart.
    private static string OperationId(string kind, string? idempotencyKey) => $"{kind}:{idempotencyKey ?? Guid.NewGuid().ToString("N")}";

    /// <summary>A 404 unless the warehouse is in the directory and the product exists: stock grains must not be created for typos.</summary>
    internal static async Task<IResult?> FindLocation(IGrainFactory grains, string warehouseId, string sku)
    {
        if (!Skus.IsWellFormed(sku))
        {
            return ApiProblems.NotFound("product.not-found", $"There is no product '{sku}'.");
        }

        var warehouses = grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        var product = grains.GetGrain<IProductGrain>(sku).Get();
        await Task.WhenAll(warehouses, product);
        if (!warehouses.Result.Any(w => string.Equals(w.Id, warehouseId, StringComparison.Ordinal)))
        {
            return ApiProblems.NotFound("warehouse.not-found", $"There is no warehouse '{warehouseId}'.");
        }

        return product.Result is null ? ApiProblems.NotFound("product.not-found", $"There is no product '{sku}'.") : null;
    }
}