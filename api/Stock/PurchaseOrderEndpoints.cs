using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Stock;

namespace OrderGrid.Api.Stock;

/// <summary><c>/api/stock/{warehouseId}/{sku}/purchase-orders</c>: stock ordered from suppliers, incoming until received.</summary>
public static class PurchaseOrderEndpoints
{
    public static RouteGroupBuilder MapPurchaseOrders(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet("/{warehouseId}/{sku}/purchase-orders", List)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("ListPurchaseOrders")
            .WithSummary("The open purchase orders of this stock, soonest expected first (staff). Fully received ones are left out.")
            .Produces<PurchaseOrder[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/{warehouseId}/{sku}/purchase-orders", Expect)
            .Validates<ExpectStockRequest>()
            .RequireAuthorization(StaffPolicies.OpsOrPlanner)
            .WithName("ExpectStock")
            .WithSummary(
                "Records a purchase order (ops or planner): its units count as incoming until received. Sending the same id again "
                + "answers the existing order; the same id with another quantity is a conflict.")
            .Produces<PurchaseOrder>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> List(string warehouseId, string sku, IGrainFactory grains)
    {
        if (await StockEndpoints.FindLocation(grains, warehouseId, sku) is { } notFound)
        {
            return notFound;
        }

        return TypedResults.Ok(await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku)).PurchaseOrders());
    }

    private static async Task<IResult> Expect(string warehouseId, string sku, ExpectStockRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (await StockEndpoints.FindLocation(grains, warehouseId, sku) is { } notFound)
        {
            return notFound;
        }

        var order = new NewPurchaseOrder(request!.Id?.Trim() ?? NewId(), request.Quantity!.Value, request.ExpectedOn!.Value, http.User.ToStaffActor());
        var expected = await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku)).Expect(order);
        return expected.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"/api/stock/{warehouseId}/{sku}/purchase-orders", expected.Value);
    }

    private static string NewId() => $"PO-{Guid.NewGuid():N}"[..15].ToUpperInvariant();
}