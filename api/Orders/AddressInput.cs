using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>A delivery address as sent by the client.</summary>
public sealed record AddressInput(string? Name, string? Line1, string? City, string? PostalCode, string? Country, string? Line2 = null)
{
    public void Validate(FieldErrors errors, string path)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Text($"{path}.name", Name, 200);
        errors.Text($"{path}.line1", Line1, 200);
        errors.Text($"{path}.line2", Line2, 200, required: false);
        errors.Text($"{path}.city", City, 100);
        errors.Text($"{path}.postalCode", PostalCode, 20);
        errors.Text($"{path}.country", Country, 56);
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public Address ToAddress() =>
        new(Name!.Trim(), Line1!.Trim(), string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), City!.Trim(), PostalCode!.Trim(), Country!.Trim());
}