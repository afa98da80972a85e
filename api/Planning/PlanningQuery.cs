using OrderGrid.Api.Problems;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Planning;

/// <summary>Checks of planning query strings: warehouses that exist.</summary>
internal static class PlanningQuery
{
    /// <summary>Null when the warehouse exists; otherwise the problem to answer.</summary>
    public static async Task<IResult?> FindWarehouse(IGrainFactory grains, string? warehouseId, bool required)
    {
        if (warehouseId is null && !required)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(warehouseId))
        {
            var errors = new FieldErrors();
            errors.Add("warehouseId", "Say which warehouse: ?warehouseId=…");
            return ApiProblems.Validation(errors);
        }

        var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        if (!warehouses.Any(w => string.Equals(w.Id, warehouseId, StringComparison.Ordinal)))
        {
            var errors = new FieldErrors();
            errors.Add("warehouseId", $"There is no warehouse '{warehouseId}'.");
            return ApiProblems.Validation(errors);
        }

        return null;
    }
}