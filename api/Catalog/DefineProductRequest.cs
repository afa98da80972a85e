using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Catalog;

/// <summary>Creates or updates a product.</summary>
public sealed record DefineProductRequest(string? Name, decimal? UnitPrice)
{
    public const decimal MaxUnitPrice = 1_000_000m;

    public FieldErrors Validate(string sku)
    {
        var errors = new FieldErrors();
        errors.Check("sku", sku);
        errors.Text("name", Name, 200);
        if (UnitPrice is null)
        {
            errors.Add("unitPrice", "Required.");
        }
        else if (UnitPrice < 0 || UnitPrice > MaxUnitPrice)
        {
            errors.Add("unitPrice", $"Must be between 0 and {MaxUnitPrice:N0}.");
        }
        else if (decimal.Round(UnitPrice.Value, 2) != UnitPrice)
        {
            errors.Add("unitPrice", "At most 2 decimal places.");
        }

        return errors;
    }
}