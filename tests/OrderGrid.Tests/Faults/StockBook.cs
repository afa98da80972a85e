using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Faults;

/// <summary>The books after a fault: every order holds what it asked for, and the stock agrees with the orders.</summary>
public static class StockBook
{
    /// <summary>
    /// Reads every order (each must be Reserved in full) and checks every SKU: on hand = available + reserved,
    /// nothing reserved beyond on hand, and reserved = what the orders hold. Answers the orders by id.
    /// </summary>
    public static async Task<Dictionary<string, JsonObject>> Check(HttpClient ops, IReadOnlyList<string> skus, IEnumerable<OrderAttempt> placed)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(placed);
        var orders = new Dictionary<string, JsonObject>();
        foreach (var attempt in placed.Where(a => a.OrderId is not null).DistinctBy(a => a.OrderId))
        {
            var order = await ApiCalls.Eventually(() => ApiCalls.Order(ops, attempt.OrderId!), _ => true, $"order {attempt.OrderId}", 60);
            var line = (JsonObject)ApiCalls.Array(order["lines"]).Single()!;
            Assert.True(ApiCalls.Text(order["status"]) == "Reserved", $"Order {attempt.OrderId} is {order["status"]}: {order.ToJsonString()}");
            Assert.Equal(attempt.Sku, ApiCalls.Text(line["sku"]));
            Assert.Equal(attempt.Quantity, ApiCalls.Number(line["reservedQuantity"]));
            orders[attempt.OrderId!] = order;
        }

        foreach (var sku in skus)
        {
            var stock = await ApiCalls.Stock(ops, OrderTraffic.Warehouse, sku);
            var (onHand, available, reserved) = (ApiCalls.Number(stock["onHand"]), ApiCalls.Number(stock["available"]), ApiCalls.Number(stock["reserved"]));
            var held = orders.Values.Sum(order => Held(order, sku));
            Assert.True(onHand == available + reserved, $"{sku}: on hand {onHand} != available {available} + reserved {reserved}");
            Assert.True(reserved <= onHand, $"{sku}: oversold, {reserved} reserved of {onHand}");
            Assert.True(reserved == held, string.Create(CultureInfo.InvariantCulture, $"{sku}: stock says {reserved} reserved, the orders hold {held}"));
        }

        return orders;
    }

    /// <summary>Waits until the order list (the read model) has every order with the status and version the order grain has.</summary>
    public static async Task ReadModelCatchesUp(HttpClient ops, IReadOnlyList<string> skus, IReadOnlyDictionary<string, JsonObject> orders, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(orders);
        await ApiCalls.Eventually(
            () => Listed(ops, skus),
            listed => orders.All(order => listed.TryGetValue(order.Key, out var item)
                && ApiCalls.Text(item["status"]) == ApiCalls.Text(order.Value["status"])
                && item["version"]!.GetValue<long>() == order.Value["version"]!.GetValue<long>()),
            "the order list agreeing with every order",
            seconds);
    }

    private static int Held(JsonObject order, string sku) =>
        ApiCalls.Array(order["lines"]).OfType<JsonObject>().Where(line => ApiCalls.Text(line["sku"]) == sku)
            .SelectMany(line => ApiCalls.Array(line["allocations"]).OfType<JsonObject>())
            .Where(allocation => ApiCalls.Text(allocation["warehouseId"]) == OrderTraffic.Warehouse)
            .Sum(allocation => ApiCalls.Number(allocation["reserved"]));

    private static async Task<Dictionary<string, JsonObject>> Listed(HttpClient ops, IReadOnlyList<string> skus)
    {
        var listed = new Dictionary<string, JsonObject>();
        foreach (var sku in skus)
        {
            for (var page = 1; ; page++)
            {
                var items = ApiCalls.Array((await ApiCalls.Get(ops, $"/api/orders?q={sku}&pageSize=200&page={page}"))["items"]).OfType<JsonObject>().ToList();
                foreach (var item in items)
                {
                    listed[ApiCalls.Text(item["id"])] = item;
                }

                if (items.Count < 200)
                {
                    break;
                }
            }
        }

        return listed;
    }
}