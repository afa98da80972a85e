namespace OrderGrid.Api.Tracking;

/// <summary>A line of the customer's order: what was ordered and how much is reserved or still waiting for stock.</summary>
/// <param name="ExpectedBy">
/// While units wait for stock: the day the open purchase orders bring them (counting the customers ahead in the queue),
/// or null when no purchase order brings enough yet ("no date yet"). Null too when nothing waits.
/// </param>
public sealed record CustomerOrderLine(
    string Sku,
    string Name,
    int Quantity,
    decimal UnitPrice,
    int ReservedQuantity,
    int BackorderedQuantity,
    DateOnly? ExpectedBy = null);