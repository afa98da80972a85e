namespace OrderGrid.Planning;

/// <summary>
/// One product line a known customer bought, as recommendations and segments see it: already a sale (no
/// cancellation, no non-product code, positive quantity and price). <see cref="BasketId"/> is the invoice or order
/// id: lines with the same basket were bought together.
/// </summary>
public readonly record struct Purchase(string CustomerId, string BasketId, string Sku, DateOnly Day, int Quantity, decimal UnitPrice);