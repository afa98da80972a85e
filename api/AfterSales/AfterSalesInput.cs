using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>Shape checks shared by the after-sales request bodies.</summary>
public static class AfterSalesInput
{
    public static void Lines(FieldErrors errors, ReturnLineInput[]? lines, int min)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (lines is null || lines.Length == 0)
        {
            errors.Add("lines", "At least one line is required.");
            return;
        }

        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            errors.Text($"lines[{i}].sku", line?.Sku, 64);
            errors.Range($"lines[{i}].quantity", line?.Quantity, min, 10_000);
        }
    }
}