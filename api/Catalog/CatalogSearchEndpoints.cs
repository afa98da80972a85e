using System.Collections.Immutable;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Catalog;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Catalog;

/// <summary><c>/api/catalog/search</c>: products matching a query with the units available in each warehouse, for staff order entry.</summary>
public static class CatalogSearchEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 25;

    public static RouteGroupBuilder MapCatalogSearch(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet("/search", Search)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("SearchCatalogWithStock")
            .WithSummary($"Products whose SKU or name matches q, at most limit (default {DefaultLimit}, up to {MaxLimit}), each with its units available per warehouse (staff).")
            .Produces<ProductAvailability[]>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Search(string? q, string? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        errors.Text("q", q, 100, required: false);
        var size = errors.Number("limit", limit, 1, MaxLimit);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var products = (await grains.GetGrain<ICatalogGrain>("default").Page(1, size ?? DefaultLimit, query)).Items;
        var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        var hits = await Task.WhenAll(products.Select(async p => new ProductAvailability(
            p.Sku,
            p.Name,
            p.UnitPrice,
            [.. await Task.WhenAll(warehouses.Select(async w => new WarehouseAvailability(
                w.Id, w.Name, (await grains.GetGrain<ISkuStockGrain>(StockKey.For(w.Id, p.Sku)).GetLevel()).Available)))])));
        return TypedResults.Ok(hits);
    }
}

/// <summary>A product found for order entry, with what each warehouse can give now.</summary>
public sealed record ProductAvailability(string Sku, string Name, decimal UnitPrice, ImmutableArray<WarehouseAvailability> Warehouses);

/// <summary>Units of a product available (on hand, not reserved) in one warehouse.</summary>
public sealed record WarehouseAvailability(string WarehouseId, string WarehouseName, int Available);