using System.Collections.Immutable;
using System.Net.Mail;

namespace OrderGrid.Orders;

/// <summary>What a placement request must satisfy before anything is priced or reserved.</summary>
public static class PlacementRules
{
    public const int MaxLines = 200;
    public const int MaxQuantity = 10_000;
    public const int MaxTextLength = 200;

    public static ImmutableDictionary<string, string[]> Validate(PlaceOrder request)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        Text(request.CustomerId, "customerId", required: true, Error);
        if (string.IsNullOrWhiteSpace(request.Email) && string.IsNullOrWhiteSpace(request.Phone))
        {
            Error("email", "Give an email address or a phone number so we can tell the customer about the order.");
        }

        if (!string.IsNullOrWhiteSpace(request.Email) && (request.Email.Length > MaxTextLength || !MailAddress.TryCreate(request.Email, out _)))
        {
            Error("email", "Not a valid email address.");
        }

        if (!string.IsNullOrWhiteSpace(request.Phone) && (request.Phone.Length > 32 || request.Phone.Count(char.IsAsciiDigit) < 6 || request.Phone.Any(ch => !(char.IsAsciiDigit(ch) || " +-()./".Contains(ch, StringComparison.Ordinal)))))
        {
            Error("phone", "Not a valid phone number.");
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
            Error("lines", $"An order has at most {MaxLines} lines.");
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
                Error($"lines[{i}].quantity", $"Quantity must be between 1 and {MaxQuantity:N0}.");
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
                Error("shipTo", "A ship-to address is required.");
            }
        }
        else
        {
            Text(to.Name, "shipTo.name", required: true, Error);
            Text(to.Line1, "shipTo.line1", required: true, Error);
            Text(to.Line2, "shipTo.line2", required: false, Error);
            Text(to.City, "shipTo.city", required: true, Error);
            Text(to.PostalCode, "shipTo.postalCode", required: true, Error);
            if (string.IsNullOrWhiteSpace(to.Country) || to.Country.Length != 2 || !to.Country.All(char.IsAsciiLetter))
            {
                Error("shipTo.country", "Country must be a two-letter ISO 3166 code, e.g. GB.");
            }
        }

        return errors.ToImmutableDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Text(string? value, string field, bool required, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                error(field, "Required.");
            }
        }
        else if (value.Length > MaxTextLength)
        {
            error(field, $"At most {MaxTextLength} characters.");
        }
    }
}