namespace OrderGrid.Api.AfterSales;

/// <summary>One returned product, as its customer sees it.</summary>
public sealed record CustomerReturnLine(string Sku, string Name, int Quantity);