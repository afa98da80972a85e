using Microsoft.Extensions.Options;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Catalog;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Stock;

/// <summary><c>GET /api/stock?warehouseId=…</c>: every product's stock in a warehouse, lowest first (staff).</summary>
public static class StockListEndpoints
{
    private const int CatalogPage = 500;

    public static RouteGroupBuilder MapStockList(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", List)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("ListWarehouseStock")
            .WithSummary("Stock of every catalog product in one warehouse, lowest available first, with low stock flagged (staff).")
            .Produces<WarehouseStock>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<IResult> List(string? warehouseId, IGrainFactory grains, IOptions<StockListOptions> options)
    {
        if (string.IsNullOrWhiteSpace(warehouseId))
        {
            var errors = new FieldErrors();
            errors.Add("warehouseId", "Say which warehouse: ?warehouseId=…");
            return ApiProblems.Validation(errors);
        }

        var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        if (!warehouses.Any(w => string.Equals(w.Id, warehouseId, StringComparison.Ordinal)))
        {
            return ApiProblems.NotFound("warehouse.not-found", $"There is no warehouse '{warehouseId}'.");
        }

        var threshold = options.Value.LowStockThreshold;
        var products = await AllProducts(grains.GetGrain<ICatalogGrain>("default"));
        var levels = await Task.WhenAll(products.Select(p => grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, p.Sku)).GetLevel()));
        var rows = products.Zip(levels, (product, level) => new WarehouseStockRow(
                product.Sku, product.Name, level.OnHand, level.Reserved, level.Available, level.Incoming, level.Backordered, level.Version,
                level.Available <= threshold))
            .OrderBy(r => r.Available - r.Backordered)
            .ThenBy(r => r.Sku, StringComparer.Ordinal);
        return TypedResults.Ok(new WarehouseStock(warehouseId, threshold, products.Count, [.. rows]));
    }

    private static async Task<List<Product>> AllProducts(ICatalogGrain catalog)
    {
        var products = new List<Product>();
        for (var page = 1; ; page++)
        {
            var items = (await catalog.Page(page, CatalogPage, search: null)).Items;
            products.AddRange(items);
            if (items.Length < CatalogPage)
            {
                return products;
            }
        }
    }
}