using OrderGrid.Common;

namespace OrderGrid.Stock;

/// <summary>Stock ordered from a supplier, expected to arrive in this warehouse on a given day.</summary>
/// <param name="Id">Makes a retried order harmless: the same id is ordered once.</param>
[GenerateSerializer, Immutable, Alias("og.new-purchase-order")]
public sealed record NewPurchaseOrder(
    [property: Id(0)] string Id,
    [property: Id(1)] int Quantity,
    [property: Id(2)] DateOnly ExpectedOn,
    [property: Id(3)] Actor By);