using OrderGrid.AfterSales;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body opening a service ticket: what it is about and the first message.</summary>
public sealed record TicketRequest(TicketCategory? Category, string? Message) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Category is null)
        {
            errors.Add("category", "Required: Damaged, MissingItem, Late, WrongItem, Billing or Other.");
        }

        errors.Text("message", Message, 2000);
        return errors;
    }
}