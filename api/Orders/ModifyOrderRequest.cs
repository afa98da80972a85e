using OrderGrid.Api.Catalog;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// The body of <c>POST /api/orders/{id}/modification</c> and <c>POST /api/review-queue/{id}/correction</c>:
/// the order's complete new lines, a new ship-to address, or both (what is left out stays as it is).
/// </summary>
public sealed record ModifyOrderRequest(IReadOnlyList<OrderLineInput?>? Lines, AddressInput? ShipTo) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Lines is null && ShipTo is null)
        {
            errors.Add("lines", "Send the new lines, a new shipTo address, or both.");
        }

        if (Lines is { Count: 0 })
        {
            errors.Add("lines", "At least one line; cancel the order to remove everything.");
        }
        else if (Lines?.Count > PlacementRules.MaxLines)
        {
            errors.Add("lines", $"At most {PlacementRules.MaxLines} lines.");
        }
        else
        {
            for (var i = 0; i < (Lines?.Count ?? 0); i++)
            {
                if (Lines![i] is not { } line)
                {
                    errors.Add($"lines[{i}]", "Required.");
                    continue;
                }

                errors.Check($"lines[{i}].sku", line.Sku);
                errors.Range($"lines[{i}].quantity", line.Quantity, 1, PlacementRules.MaxQuantity);
            }
        }

        ShipTo?.Validate(errors, "shipTo");
        return errors;
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public ModifyOrder ToCommand(bool correction) =>
        new(Lines is null ? [] : [.. Lines.Select(line => new OrderLineRequest(line!.Sku!.Trim(), line.Quantity!.Value))], ShipTo?.ToAddress(), correction);
}