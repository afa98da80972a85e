using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Orders;

/// <summary>A body with the reason for rejecting or cancelling an order.</summary>
public sealed record ReasonRequest(string? Reason) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("reason", Reason, 500);
        return errors;
    }
}