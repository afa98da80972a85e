using System.Collections.Immutable;

using OrderGrid.AfterSales;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body recording returned goods counted in, each line with its condition.</summary>
public sealed record ReceiveReturnRequest(ReturnLineInput[]? Lines) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        AfterSalesInput.Lines(errors, Lines, min: 0);
        foreach (var (line, i) in (Lines ?? []).Select((l, i) => (l, i)))
        {
            if (line?.Condition is null)
            {
                errors.Add($"lines[{i}].condition", "Required: Resaleable or Damaged.");
            }
        }

        return errors;
    }

    public ImmutableArray<ReceivedLine> ToLines() => [.. Lines!.Select(l => new ReceivedLine(l.Sku!, l.Quantity!.Value, l.Condition!.Value))];
}