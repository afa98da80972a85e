using System.Globalization;
using System.Text;

using OrderGrid.Waves;

using static OrderGrid.Api.Documents.PrintPage;

namespace OrderGrid.Api.Documents;

/// <summary>
/// The printed wave list a picker walks with: one stop per SKU in path order with all its units, and which tote (one per
/// pick list, numbered in queue order) each share goes into; then the totes with their pick lists and orders.
/// </summary>
public static class WaveDocument
{
    public static string Render(WaveView wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var totes = wave.PickLists.Select((p, i) => (p.PickListId, Tote: i + 1)).ToDictionary(t => t.PickListId, t => t.Tote, StringComparer.Ordinal);
        var stops = new StringBuilder();
        foreach (var stop in wave.PickPath)
        {
            var shares = string.Join("<br>", stop.Shares.Select(s =>
                $"{Number(s.Quantity)} → tote {(totes.TryGetValue(s.PickListId, out var tote) ? Number(tote) : "?")} ({Text(s.PickListId)})"));
            stops.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><span class="tick" role="checkbox" aria-checked="false" aria-label="Picked {Text(stop.Sku)}"></span></td><td>{Text(stop.Location ?? "—")}</td><td>{Text(stop.Sku)}</td><td>{Text(stop.Name)}</td><td class="number">{Number(stop.Quantity)}</td><td>{shares}</td></tr>
                """);
        }

        var lists = new StringBuilder();
        foreach (var (pickList, i) in wave.PickLists.Select((p, i) => (p, i)))
        {
            lists.Append(CultureInfo.InvariantCulture, $"""
                <tr><td class="number">{Number(i + 1)}</td><td>{Text(pickList.PickListId)}</td><td>{Text(pickList.OrderId)}</td><td>{Text(pickList.Priority.ToString())}</td><td class="number">{Number(pickList.Lines.Sum(l => l.Quantity))}</td></tr>
                """);
        }

        var body = $"""
            {Header($"Wave {wave.Id}", wave.Id, [
                ("Wave", wave.Id),
                ("Warehouse", wave.WarehouseId),
                ("Pick lists", Number(wave.PickLists.Length)),
                ("Units", Number(wave.PickPath.Sum(s => s.Quantity))),
                ("Planned", wave.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ])}
            <h2>Pick path</h2>
            <table data-part="pick-path">
            <thead><tr><th scope="col">Picked</th><th scope="col">Bin</th><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" class="number">Units</th><th scope="col">Into</th></tr></thead>
            <tbody>
            {stops}
            </tbody>
            </table>
            <h2>Totes</h2>
            <table data-part="totes">
            <thead><tr><th scope="col" class="number">Tote</th><th scope="col">Pick list</th><th scope="col">Order</th><th scope="col">Priority</th><th scope="col" class="number">Units</th></tr></thead>
            <tbody>
            {lists}
            </tbody>
            </table>
            """;
        return Document($"Wave {wave.Id}", body);
    }
}