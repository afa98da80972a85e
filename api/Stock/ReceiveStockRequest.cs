using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Stock;

/// <summary>Goods received into a warehouse, against an open purchase order when one is named.</summary>
public sealed record ReceiveStockRequest(int? Quantity, string? Reason = null, string? PurchaseOrderId = null) : IValidatedRequest
{
    public const int MaxQuantity = 1_000_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Range("quantity", Quantity, 1, MaxQuantity);
        errors.Text("reason", Reason, 500, required: false);
        errors.Text("purchaseOrderId", PurchaseOrderId, ExpectStockRequest.MaxIdLength, required: false);
        return errors;
    }
}