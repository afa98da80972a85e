namespace OrderGrid.Planning;

/// <summary>The purchase order an accepted restock suggestion became, and the stock it is now incoming to.</summary>
[GenerateSerializer, Immutable, Alias("og.suggestion-accepted")]
public sealed record SuggestionAccepted(
    [property: Id(0)] string SuggestionId,
    [property: Id(1)] string PurchaseOrderId,
    [property: Id(2)] string WarehouseId,
    [property: Id(3)] string Sku,
    [property: Id(4)] int Quantity,
    [property: Id(5)] DateOnly ExpectedOn,
    [property: Id(6)] int Incoming);