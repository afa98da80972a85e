using OrderGrid.Api.Problems;

namespace OrderGrid.Api.PickLists;

/// <summary>The optional body of shipping a pick list: the carrier, or the configured default when left out.</summary>
public sealed record ShipPickListRequest(string? Carrier = null) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text("carrier", Carrier, 50, required: false);
        return errors;
    }
}