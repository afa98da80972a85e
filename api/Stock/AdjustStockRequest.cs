using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Stock;

/// <summary>A correction of on-hand stock (count, damage, loss); the reason is required.</summary>
public sealed record AdjustStockRequest(int? Delta, string? Reason) : IValidatedRequest
{
    public const int MaxDelta = 1_000_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Range("delta", Delta, -MaxDelta, MaxDelta);
        if (Delta == 0)
        {
            errors.Add("delta", "Must not be 0.");
        }

        errors.Text("reason", Reason, 500);
        return errors;
    }
}