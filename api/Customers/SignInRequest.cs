using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Customers;

/// <summary>Asks for a sign-in code: the customer id and the email on file (a new id: the email to register).</summary>
public sealed record SignInRequest(string? CustomerId, string? Email) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.CheckCustomerId("customerId", CustomerId);
        errors.Text("email", Email, 254);
        if (Email is { } email && !string.IsNullOrWhiteSpace(email) && (!email.Contains('@', StringComparison.Ordinal) || email.Trim().Any(char.IsWhiteSpace)))
        {
            errors.Add("email", "Not an email address.");
        }

        return errors;
    }
}