using OrderGrid.Api.Problems;

namespace OrderGrid.Api.AfterSales;

/// <summary>The customer's rating (1–5) and optional comment.</summary>
public sealed record FeedbackRequest(int? Rating, string? Comment) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Range("rating", Rating, 1, 5);
        errors.Text("comment", Comment, 1000, required: false);
        return errors;
    }
}