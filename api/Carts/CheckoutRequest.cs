using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Carts;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Carts;

/// <summary>Turns the cart into an order; online checkout is the web or app channel.</summary>
public sealed record CheckoutRequest(SalesChannel? Channel, AddressInput? ShipTo, string? Email = null, string? Phone = null) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        Contacts.Check(errors, Email, Phone);
        if (Channel is null)
        {
            errors.Add("channel", "Required: web or app.");
        }
        else if (Channel is not (SalesChannel.Web or SalesChannel.App))
        {
            errors.Add("channel", "Online checkout is web or app; staff place phone, email and store orders through /api/orders.");
        }

        if (ShipTo is null)
        {
            errors.Add("shipTo", "Required.");
        }
        else
        {
            ShipTo.Validate(errors, "shipTo");
        }

        return errors;
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public Checkout ToCommand(string orderId, string customerId, Actor? by) =>
        new(orderId, Contacts.Clean(Email), Contacts.Clean(Phone), Channel!.Value, ShipTo!.ToAddress(), customerId, by);
}