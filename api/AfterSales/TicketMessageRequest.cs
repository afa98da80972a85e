using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body of a message on a ticket.</summary>
public sealed record TicketMessageRequest(string? Text) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("text", Text, 2000);
        return errors;
    }
}