namespace OrderGrid.AfterSales;

/// <summary>A SKU of a delivered order that may still be sent back: shipped or collected units less those on returns not declined.</summary>
/// <param name="Quantity">Above 0: a SKU with nothing left to return is not listed.</param>
[GenerateSerializer, Immutable, Alias("og.returnable-line")]
public sealed record ReturnableLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity);