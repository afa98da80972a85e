using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Bench;

/// <summary>
/// After a load: reads every acknowledged order and every stock level it touched through the API. Each level must
/// satisfy on hand = available + reserved with nothing available below zero; where the bench stocked the SKUs itself
/// (and so knows every order on them), on hand is unchanged and reserved is exactly what the orders hold.
/// </summary>
internal sealed record Conservation(bool Ok, int Stocks, string Summary)
{
    public static async Task<Conservation> Check(HttpClient ops, IReadOnlyList<string> orderIds, int? stockedUnits, int concurrency)
    {
        var held = new ConcurrentDictionary<(string Warehouse, string Sku), int>();
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(orderIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, token) =>
        {
            using var response = await ops.GetAsync(new Uri($"/api/orders/{Uri.EscapeDataString(id)}", UriKind.Relative), token);
            if (!response.IsSuccessStatusCode)
            {
                missing.Add(id);
                return;
            }

            var order = await response.Content.ReadFromJsonAsync<JsonObject>(token);
            foreach (var line in order!["lines"]!.AsArray())
            {
                foreach (var allocation in line!["allocations"]!.AsArray())
                {
                    var key = ((string)allocation!["warehouseId"]!, (string)line["sku"]!);
                    held.AddOrUpdate(key, (int)allocation["reserved"]!, (_, sum) => sum + (int)allocation["reserved"]!);
                }
            }
        });

        var broken = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(held, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (stock, token) =>
        {
            var ((warehouse, sku), reservedByOrders) = stock;
            var level = await ops.GetFromJsonAsync<JsonObject>(new Uri($"/api/stock/{warehouse}/{Uri.EscapeDataString(sku)}", UriKind.Relative), token);
            var (onHand, reserved, available) = ((int)level!["onHand"]!, (int)level["reserved"]!, (int)level["available"]!);
            if (onHand != available + reserved || available < 0)
            {
                broken.Add($"{warehouse}/{sku}: on hand {onHand} ≠ available {available} + reserved {reserved}");
            }
            else if (stockedUnits is { } units && (onHand != units || reserved != reservedByOrders))
            {
                broken.Add($"{warehouse}/{sku}: on hand {onHand} (stocked {units}), reserved {reserved}, orders hold {reservedByOrders}");
            }
        });

        var problems = missing.Select(id => $"order {id} acknowledged but not found").Concat(broken).ToList();
        var summary = problems.Count == 0
            ? $"conservation holds: {orderIds.Count:N0} orders, {held.Count:N0} stock levels"
            : $"conservation BROKEN ({problems.Count:N0}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems.Take(20))}";
        return new Conservation(problems.Count == 0, held.Count, summary);
    }
}