using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Planning;

/// <summary>Accepting a restock suggestion; without a quantity the suggested one is ordered.</summary>
public sealed record AcceptSuggestionRequest(int? Quantity) : IValidatedRequest
{
    public const int MaxQuantity = 1_000_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Quantity is < 1 or > MaxQuantity)
        {
            errors.Add("quantity", $"From 1 to {MaxQuantity:N0} units.");
        }

        return errors;
    }
}