using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Customers;

/// <summary>Trades the emailed code for a customer token.</summary>
public sealed record SignInCodeRequest(string? CustomerId, string? Code) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.CheckCustomerId("customerId", CustomerId);
        errors.Text("code", Code, 20);
        return errors;
    }
}