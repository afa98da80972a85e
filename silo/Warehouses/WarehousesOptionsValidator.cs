using Microsoft.Extensions.Options;

namespace OrderGrid.Silo.Warehouses;

internal sealed class WarehousesOptionsValidator : IValidateOptions<WarehousesOptions>
{
    public ValidateOptionsResult Validate(string? name, WarehousesOptions options)
    {
        if (options.Warehouses.Count == 0)
        {
            return ValidateOptionsResult.Fail($"{WarehousesOptions.Section} lists no warehouse; at least one is needed to source orders.");
        }

        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Warehouses.Count; i++)
        {
            var warehouse = options.Warehouses[i];
            var key = $"{WarehousesOptions.Section}:{i}";
            if (string.IsNullOrWhiteSpace(warehouse.Id))
            {
                failures.Add($"{key}:Id is empty.");
            }
            // The id is the first half of a stock key '{warehouseId}/{sku}'.
            else if (warehouse.Id.Contains('/', StringComparison.Ordinal) || warehouse.Id.Trim() != warehouse.Id)
            {
                failures.Add($"{key}:Id '{warehouse.Id}' must not contain '/' or surrounding spaces.");
            }
            else if (!seen.Add(warehouse.Id))
            {
                failures.Add($"{key}:Id '{warehouse.Id}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(warehouse.Name))
            {
                failures.Add($"{key}:Name is empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}