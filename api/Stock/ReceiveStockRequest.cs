using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Stock;

/// <summary>Goods received into a warehouse.</summary>
public sealed record ReceiveStockRequest(int? Quantity, string? Reason = null)
{
    public const int MaxQuantity = 1_000_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Range("quantity", Quantity, 1, MaxQuantity);
        errors.Text("reason", Reason, 500, required: false);
        return errors;
    }
}