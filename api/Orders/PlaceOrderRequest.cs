using System.Collections.Immutable;

using OrderGrid.Api.Catalog;
using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// The body of <c>POST /api/orders</c>. The address may be left out of a pickup order. <see cref="CustomerId"/> counts only
/// with a staff key (required then) or a customer token (that customer's own); anonymous orders are guests' (see the endpoint).
/// </summary>
public sealed record PlaceOrderRequest(
    string? CustomerId,
    SalesChannel? Channel,
    IReadOnlyList<OrderLineInput?>? Lines,
    AddressInput? ShipTo,
    string? Email = null,
    string? Phone = null,
    FulfilmentInput? Fulfilment = null) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        Contacts.Check(errors, Email, Phone);
        if (Channel is null)
        {
            errors.Add("channel", "Required: one of web, app, phone, email, store.");
        }

        if (Lines is null || Lines.Count == 0)
        {
            errors.Add("lines", "At least one line is required.");
        }
        else if (Lines.Count > PlacementRules.MaxLines)
        {
            errors.Add("lines", $"At most {PlacementRules.MaxLines} lines.");
        }
        else
        {
            for (var i = 0; i < Lines.Count; i++)
            {
                if (Lines[i] is not { } line)
                {
                    errors.Add($"lines[{i}]", "Required.");
                    continue;
                }

                errors.Check($"lines[{i}].sku", line.Sku);
                errors.Range($"lines[{i}].quantity", line.Quantity, 1, PlacementRules.MaxQuantity);
            }
        }

        Fulfilment?.Validate(errors, "fulfilment");
        if (ShipTo is null)
        {
            if (Fulfilment is not { IsPickup: true })
            {
                errors.Add("shipTo", "Required for delivery.");
            }
        }
        else
        {
            ShipTo.Validate(errors, "shipTo");
        }

        return errors;
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public PlaceOrder ToCommand(string customerId, Actor placedBy) =>
        new(
            customerId,
            Contacts.Clean(Email),
            Contacts.Clean(Phone),
            Channel!.Value,
            [.. Lines!.Select(line => new OrderLineRequest(line!.Sku!, line.Quantity!.Value))],
            ShipTo?.ToAddress(),
            placedBy,
            Fulfilment?.ToFulfilment());
}