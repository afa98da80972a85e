using System.Collections.Immutable;

using OrderGrid.AfterSales;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body asking for a return: which units of the order go back, and why.</summary>
public sealed record ReturnRequest(ReturnLineInput[]? Lines, string? Reason) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("reason", Reason, 500);
        AfterSalesInput.Lines(errors, Lines, min: 1);
        return errors;
    }

    public ImmutableArray<ReturnLineRequest> ToLines() => [.. Lines!.Select(l => new ReturnLineRequest(l.Sku!, l.Quantity!.Value))];
}