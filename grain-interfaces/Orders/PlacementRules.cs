using System.Collections.Immutable;
using System.Net.Mail;

namespace OrderGrid.Orders;

/// <summary>
/// What an order's placement (and a change of its lines or address) must satisfy before anything is priced or reserved:
/// the one set of rules. The API checks a request's fields with them (naming the JSON field) before it calls a grain; the
/// order grain refuses with <see cref="Validate"/> whatever reaches it otherwise. The field-level rules are public so
/// both layers say the same thing.
/// </summary>
public static class PlacementRules
{
    public const int MaxLines = 200;
    public const int MaxQuantity = 10_000;
    public const int MaxTextLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 32;
    public const int MinPhoneDigits = 6;
    public const int MaxCityLength = 100;
    public const int MaxPostalCodeLength = 20;

    public const string EmailMessage = "Not an email address.";
    public const string PhoneMessage = "A phone number has 6 or more digits, and only digits, spaces and + - ( ) . /";
    public const string ContactMessage = "Give an email or a phone number so the customer can be reached.";
    public const string CountryMessage = "Country must be a two-letter ISO 3166 code, e.g. GB.";
    public const string PostalCodeMessage = "A postal code has letters and digits, with only a space or a hyphen between them, e.g. SW1A 1AA.";

    /// <summary>Whether a given (not blank) email address is one: at most 254 characters, no spaces, one mailbox and no display name.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= MaxEmailLength && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var address) && address.Address == email;

    /// <summary>Whether a given (not blank) phone number is one: at most 32 characters of digits and + - ( ) . / and spaces, 6 or more digits.</summary>
    public static bool IsPhone(string phone) =>
        phone.Length <= MaxPhoneLength && phone.Count(char.IsAsciiDigit) >= MinPhoneDigits
        && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/');

    /// <summary>Whether a country is an assigned two-letter ISO 3166 code (<see cref="Countries"/>).</summary>
    public static bool IsCountry(string? country) => Countries.IsCode(country);

    /// <summary>
    /// Whether a given (not blank) postal code looks like one anywhere: letters and digits, with single spaces or
    /// hyphens between them ("SW1A 1AA", "10115", "1010-001"); punctuation alone ("!!!") is not.
    /// </summary>
    public static bool IsPostalCode(string postalCode)
    {
        if (postalCode.Length is 0 or > MaxPostalCodeLength)
        {
            return false;
        }

        var afterSeparator = true;
        foreach (var c in postalCode)
        {
            var separator = c is ' ' or '-';
            if (!(separator || char.IsAsciiLetterOrDigit(c)) || (separator && afterSeparator))
            {
                return false;
            }

            afterSeparator = separator;
        }

        return !afterSeparator;
    }

    /// <summary>The customer can be reached: an email or a phone number is given.</summary>
    public static bool HasContact(string? email, string? phone) => !string.IsNullOrWhiteSpace(email) || !string.IsNullOrWhiteSpace(phone);

    /// <summary>The address fields by their JSON names, in the order of <see cref="Address"/>: the longest value and whether it is required.</summary>
    public static ImmutableArray<(string Field, int MaxLength, bool Required)> AddressFields { get; } =
    [
        ("name", MaxTextLength, true),
        ("line1", MaxTextLength, true),
        ("line2", MaxTextLength, false),
        ("city", MaxCityLength, true),
        ("postalCode", MaxPostalCodeLength, true),
    ];

    public static ImmutableDictionary<string, string[]> Validate(PlaceOrder request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        Text(request.CustomerId, "customerId", MaxTextLength, required: true, Error);
        if (!HasContact(request.Email, request.Phone))
        {
            Error("email", ContactMessage);
        }

        if (!string.IsNullOrWhiteSpace(request.Email) && !IsEmail(request.Email))
        {
            Error("email", EmailMessage);
        }

        if (!string.IsNullOrWhiteSpace(request.Phone) && !IsPhone(request.Phone))
        {
            Error("phone", PhoneMessage);
        }

        if (!Enum.IsDefined(request.Channel))
        {
            Error("channel", "Unknown channel.");
        }

        var lines = request.Lines.IsDefault ? [] : request.Lines;
        if (lines.IsEmpty)
        {
            Error("lines", "An order needs at least one line.");
        }
        else if (lines.Length > MaxLines)
        {
            Error("lines", $"At most {MaxLines} lines.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(lines.Length, MaxLines); i++)
        {
            var line = lines[i];
            if (line is null)
            {
                Error($"lines[{i}]", "Line is missing.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                Error($"lines[{i}].sku", "SKU is required.");
            }
            else if (!seen.Add(line.Sku))
            {
                Error($"lines[{i}].sku", $"SKU {line.Sku} appears more than once; put the whole quantity on one line.");
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                Error($"lines[{i}].quantity", $"Must be between 1 and {MaxQuantity:N0}.");
            }
        }

        var pickup = request.Fulfilment is { IsPickup: true };
        if (request.Fulfilment is { } fulfilment && (!Enum.IsDefined(fulfilment.Kind) || (pickup && string.IsNullOrWhiteSpace(fulfilment.WarehouseId))))
        {
            Error("fulfilment", "Delivery, or pickup with the warehouse id of the store.");
        }

        var to = request.ShipTo;
        if (to is null)
        {
            if (!pickup)
            {
                Error("shipTo", "Required for delivery.");
            }
        }
        else
        {
            string?[] values = [to.Name, to.Line1, to.Line2, to.City, to.PostalCode];
            for (var i = 0; i < AddressFields.Length; i++)
            {
                var (field, max, required) = AddressFields[i];
                Text(values[i], $"shipTo.{field}", max, required, Error);
            }

            if (!string.IsNullOrWhiteSpace(to.PostalCode) && to.PostalCode.Length <= MaxPostalCodeLength && !IsPostalCode(to.PostalCode.Trim()))
            {
                Error("shipTo.postalCode", PostalCodeMessage);
            }

            if (!IsCountry(to.Country))
            {
                Error("shipTo.country", CountryMessage);
            }
        }

        return errors.ToImmutableDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Text(string? value, string field, int maxLength, bool required, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                error(field, "Required.");
            }
        }
        else if (value.Length > maxLength)
        {
            error(field, $"At most {maxLength} characters.");
        }
    }
}