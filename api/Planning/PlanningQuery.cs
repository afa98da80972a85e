using System.Globalization;

using OrderGrid.Api.Problems;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Planning;

/// <summary>Checks of planning query strings: whole numbers in a range, and warehouses that exist.</summary>
internal static class PlanningQuery
{
    /// <summary>The number in <paramref name="text"/>, <paramref name="fallback"/> when absent; an error when not a whole number in range.</summary>
    public static int Number(this FieldErrors errors, string field, string? text, int fallback, int min, int max)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(field, $"A whole number from {min} to {max}.");
            return fallback;
        }

        return value;
    }

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