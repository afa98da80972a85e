using System.Globalization;
using System.Text;

using OrderGrid.Orders;
using OrderGrid.Shipping;

using static OrderGrid.Api.Documents.PrintPage;

namespace OrderGrid.Api.Documents;

/// <summary>The delivery note packed with one shipment: what is in this parcel (not the whole order) and where it goes.</summary>
public static class DeliveryNoteDocument
{
    public static string Render(ShipmentView shipment, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(order);
        var rows = new StringBuilder();
        foreach (var line in shipment.Lines)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Text(line.Sku)}</td><td>{Text(line.Name)}</td><td class="number">{Number(line.Quantity)}</td></tr>
                """);
        }

        var body = $"""
            {Header("Delivery note", order.Id, [
                ("Shipment", shipment.Id),
                ("Order", order.Id),
                ("Date", shipment.ShippedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Carrier", shipment.Carrier),
                ("Tracking number", shipment.TrackingNumber),
                ("Customer", order.CustomerId),
            ])}
            <h2>Ship to</h2>
            {ShipTo(order.ShipTo)}
            <table data-part="lines">
            <thead><tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" class="number">Quantity</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """;
        return Document($"Delivery note {shipment.Id}", body);
    }
}