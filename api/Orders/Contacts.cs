using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Orders;

/// <summary>The customer's contact for an order: an email or a phone number (or both).</summary>
public static class Contacts
{
    public static void Check(FieldErrors errors, string? email, string? phone)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Text("email", email, 254, required: false);
        errors.Text("phone", phone, 40, required: false);
        if (email is not null && !string.IsNullOrWhiteSpace(email) && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            errors.Add("email", "Not an email address.");
        }

        if (phone is not null && !string.IsNullOrWhiteSpace(phone) && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            errors.Add("phone", "A phone number has only digits, spaces and + - ( ) .");
        }

        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            errors.Add("email", "Give an email or a phone number so the customer can be reached.");
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}