using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Stock;

/// <summary>A purchase order: stock ordered from a supplier, expected on a day. Sending the same id again orders once.</summary>
public sealed record ExpectStockRequest(string? Id, int? Quantity, DateOnly? ExpectedOn) : IValidatedRequest
{
    public const int MaxIdLength = 100;
    public const int MaxQuantity = 1_000_000;

    /// <summary>The shape only; the stock grain checks the expected day against today.</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("id", Id, MaxIdLength, required: false);
        errors.Range("quantity", Quantity, 1, MaxQuantity);
        if (ExpectedOn is null)
        {
            errors.Add("expectedOn", "Required: the day the goods are expected, yyyy-MM-dd.");
        }

        return errors;
    }
}