namespace OrderGrid.Api.Orders;

/// <summary>One line as the client asks for it; the price always comes from the catalog.</summary>
public sealed record OrderLineInput(string? Sku, int? Quantity);