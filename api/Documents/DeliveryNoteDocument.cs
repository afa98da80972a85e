using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using OrderGrid.Orders;
using OrderGrid.Shipping;

using static OrderGrid.Api.Documents.PrintPage;

namespace OrderGrid.Api.Documents;

/// <summary>
/// The delivery note packed with one shipment: what is in this parcel (not the whole order) and where it goes. A merged
/// shipment carries several orders: its lines are grouped under the order each came from, so the customer can tell
/// which order each item belongs to.
/// </summary>
public static class DeliveryNoteDocument
{
    /// <summary>The note of a shipment that carries one order's lines.</summary>
    public static string Render(ShipmentView shipment, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(order);
        return Render(shipment, order, []);
    }

    /// <summary>
    /// The note of a shipment; <paramref name="merged"/> are the lines of each order a merge sent in it (the order's own
    /// pick list for this shipment), in the merge's order. Empty for a shipment of one order: its lines are the shipment's.
    /// </summary>
    public static string Render(ShipmentView shipment, OrderView order, IReadOnlyList<(string OrderId, ImmutableArray<PickListLine> Lines)> merged)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(merged);
        var isMerged = merged.Count > 1;
        var tables = isMerged
            ? string.Concat(merged.Select(group => $"""
                <h2 data-part="order" data-order-id="{Text(group.OrderId)}">Order {Text(group.OrderId)}</h2>
                {Table(group.Lines)}
                """))
            : Table(shipment.Lines);
        var facts = new List<(string Term, string Value)>
        {
            ("Shipment", shipment.Id),
            (isMerged ? "Orders" : "Order", isMerged ? string.Join(", ", merged.Select(g => g.OrderId)) : order.Id),
            ("Date", shipment.ShippedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Carrier", shipment.Carrier),
            ("Tracking number", shipment.TrackingNumber),
            ("Customer", order.CustomerId),
        };
        var body = $"""
            {Header("Delivery note", order.Id, facts)}
            <h2>Ship to</h2>
            {ShipTo(order.ShipTo)}
            {tables}
            """;
        return Document($"Delivery note {shipment.Id}", body);
    }

    private static string Table(ImmutableArray<PickListLine> lines)
    {
        var rows = new StringBuilder();
        foreach (var line in lines)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Text(line.Sku)}</td><td>{Text(line.Name)}</td><td class="number">{Number(line.Quantity)}</td></tr>
                """);
        }

        return $"""
            <table data-part="lines">
            <thead><tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" class="number">Quantity</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """;
    }
}