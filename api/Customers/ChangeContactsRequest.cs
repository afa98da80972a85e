using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Customers;

/// <summary>The customer's stored email and/or phone; a field left out stays as it is.</summary>
public sealed record ChangeContactsRequest(string? Email, string? Phone) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        Contacts.Check(errors, Email, Phone);
        return errors;
    }
}