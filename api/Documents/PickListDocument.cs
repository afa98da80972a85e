using System.Globalization;
using System.Text;

using OrderGrid.Orders;

using static OrderGrid.Api.Documents.PrintPage;

namespace OrderGrid.Api.Documents;

/// <summary>The printed pick list a warehouse worker carries: what to take from which bin, with a box to tick per line.</summary>
public static class PickListDocument
{
    public static string Render(OrderView order, PickList pickList)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(pickList);
        var rows = new StringBuilder();
        foreach (var line in pickList.Lines)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><span class="tick" role="checkbox" aria-checked="false" aria-label="Picked {Text(line.Sku)}"></span></td><td>{Text(line.Location ?? "—")}</td><td>{Text(line.Sku)}</td><td>{Text(line.Name)}</td><td class="number">{Number(line.Quantity)}</td></tr>
                """);
        }

        var body = $"""
            {Header($"Pick list {pickList.Id}", order.Id, [
                ("Pick list", pickList.Id),
                ("Order", order.Id),
                ("Warehouse", pickList.WarehouseId),
                ("Customer", order.CustomerId),
                ("Placed", order.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ])}
            <h2>Ship to</h2>
            {ShipTo(order.ShipTo)}
            <table data-part="lines">
            <thead><tr><th scope="col">Picked</th><th scope="col">Bin</th><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" class="number">Quantity</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """;
        return Document($"Pick list {pickList.Id}", body);
    }
}