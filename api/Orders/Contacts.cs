using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>The customer's contact for an order: an email or a phone number (or both), checked by <see cref="PlacementRules"/>.</summary>
public static class Contacts
{
    public static void Check(FieldErrors errors, string? email, string? phone)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Text("email", email, PlacementRules.MaxEmailLength, required: false);
        errors.Text("phone", phone, PlacementRules.MaxPhoneLength, required: false);
        if (!string.IsNullOrWhiteSpace(email) && !PlacementRules.IsEmail(email))
        {
            errors.Add("email", PlacementRules.EmailMessage);
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PlacementRules.IsPhone(phone))
        {
            errors.Add("phone", PlacementRules.PhoneMessage);
        }

        if (!PlacementRules.HasContact(email, phone))
        {
            errors.Add("email", PlacementRules.ContactMessage);
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}