namespace OrderGrid.AfterSales;

/// <summary>What the customer sends back: a SKU of the order and how many.</summary>
[GenerateSerializer, Immutable, Alias("og.return-line-request")]
public sealed record ReturnLineRequest(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);