namespace OrderGrid.Planning;

/// <summary>
/// One sold product line as planning sees it: already classified as a sale (no cancellation, no non-product code,
/// positive quantity and price) by whoever read the history.
/// </summary>
public readonly record struct ProductSale(string Sku, DateOnly Day, int Quantity, decimal UnitPrice);