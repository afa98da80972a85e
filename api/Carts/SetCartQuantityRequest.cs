using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Carts;

/// <summary>The quantity of a product in the cart; 0 removes it.</summary>
public sealed record SetCartQuantityRequest(int? Quantity) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Range("quantity", Quantity, 0, PlacementRules.MaxQuantity);
        return errors;
    }
}