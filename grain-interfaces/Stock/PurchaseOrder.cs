using OrderGrid.Common;

namespace OrderGrid.Stock;

/// <summary>A purchase order of one SKU for one warehouse: what is coming, and how much of it has arrived.</summary>
/// <param name="Received">Units received against it so far; a delivery larger than expected counts in full.</param>
[GenerateSerializer, Immutable, Alias("og.purchase-order")]
public sealed record PurchaseOrder(
    [property: Id(0)] string Id,
    [property: Id(1)] int Quantity,
    [property: Id(2)] int Received,
    [property: Id(3)] DateOnly ExpectedOn,
    [property: Id(4)] DateTimeOffset OrderedAt,
    [property: Id(5)] Actor OrderedBy)
{
    /// <summary>Units still to come; the order is closed at zero.</summary>
    public int Outstanding => Math.Max(0, Quantity - Received);
}