using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body declining a return, with the reason the customer is told.</summary>
public sealed record DeclineReturnRequest(string? Reason) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("reason", Reason, 500);
        return errors;
    }
}