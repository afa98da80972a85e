namespace OrderGrid.Api.Tracking;

/// <summary>A line of the customer's order: what was ordered and how much is reserved or still waiting for stock.</summary>
public sealed record CustomerOrderLine(
    string Sku,
    string Name,
    int Quantity,
    decimal UnitPrice,
    int ReservedQuantity,
    int BackorderedQuantity);