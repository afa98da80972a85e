using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>A delivery address as sent by the client.</summary>
public sealed record AddressInput(string? Name, string? Line1, string? City, string? PostalCode, string? Country, string? Line2 = null)
{
    public void Validate(FieldErrors errors, string path)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string?[] values = [Name, Line1, Line2, City, PostalCode];
        for (var i = 0; i < PlacementRules.AddressFields.Length; i++)
        {
            var (field, maxLength, required) = PlacementRules.AddressFields[i];
            errors.Text($"{path}.{field}", values[i], maxLength, required);
        }

        if (!string.IsNullOrWhiteSpace(PostalCode) && PostalCode.Length <= PlacementRules.MaxPostalCodeLength && !PlacementRules.IsPostalCode(PostalCode.Trim()))
        {
            errors.Add($"{path}.postalCode", PlacementRules.PostalCodeMessage);
        }

        if (Country is null)
        {
            errors.Add($"{path}.country", "Required.");
        }
        else if (!PlacementRules.IsCountry(Country.Trim()))
        {
            errors.Add($"{path}.country", PlacementRules.CountryMessage);
        }
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public Address ToAddress() =>
        new(Name!.Trim(), Line1!.Trim(), string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), City!.Trim(), PostalCode!.Trim(), Country!.Trim());
}