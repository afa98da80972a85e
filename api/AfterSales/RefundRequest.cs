using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body recording a refund: how it was paid (e.g. <c>card</c>, <c>store-credit</c>) and the payment reference.</summary>
public sealed record RefundRequest(string? Method, string? Reference) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("method", Method, 40);
        errors.Text("reference", Reference, 100, required: false);
        return errors;
    }
}