using System.Collections.Immutable;

using OrderGrid.Catalog;
using OrderGrid.Orders;

namespace OrderGrid.Demo;

/// <summary>
/// Draws the simulator's next order. Shoppers on the web, the app and in store buy one to four items a few at a
/// time; trade customers phone or email for dozens, and now and then for hundreds (such orders are held for review
/// and run stock out). A few products sell far more than the rest, as in any shop.
/// </summary>
internal static class DemoShoppers
{
    private static readonly (SalesChannel Channel, int Weight)[] Channels =
        [(SalesChannel.Web, 45), (SalesChannel.App, 25), (SalesChannel.Phone, 12), (SalesChannel.Email, 10), (SalesChannel.Store, 8)];

    private static readonly (int Lines, int Weight)[] LineCounts = [(1, 40), (2, 30), (3, 20), (4, 10)];

    private static readonly (int Quantity, int Weight)[] ShopperQuantities = [(1, 65), (2, 25), (3, 7), (4, 3)];

    private static readonly int[] TradeQuantities = [6, 12, 12, 24, 24, 48];

    /// <param name="range">Products to choose from, best sellers first.</param>
    public static DemoOrder Next(Random random, IReadOnlyList<Product> range, IList<string> carriers)
    {
        var channel = Pick(random, Channels);
        var customer = DemoCustomers.All[random.Next(DemoCustomers.All.Length)];
        var trade = channel is SalesChannel.Phone or SalesChannel.Email;
        var lines = trade && random.Next(5) == 0 ? BulkLines(random, range) : Lines(random, range, trade);
        var command = new PlaceOrder(
            customer.Id,
            channel == SalesChannel.Phone ? null : customer.Email,
            channel is SalesChannel.Phone or SalesChannel.Store ? customer.Phone : null,
            channel,
            lines,
            customer.Address,
            DemoTrafficGrain.Actor);
        var trouble = random.Next(100) switch
        {
            < 5 => DeliveryTrouble.Recovers,
            < 8 => DeliveryTrouble.Stays,
            _ => DeliveryTrouble.None,
        };
        var traits = new DemoOrderTraits(random.Next(10) < 7, random.Next(3), trouble, carriers[random.Next(carriers.Count)]);
        return new DemoOrder(command, traits);
    }

    private static ImmutableArray<OrderLineRequest> Lines(Random random, IReadOnlyList<Product> range, bool trade) =>
        [.. Products(random, range, Pick(random, LineCounts)).Select(product => new OrderLineRequest(
            product.Sku,
            trade ? TradeQuantities[random.Next(TradeQuantities.Length)] : Pick(random, ShopperQuantities)))];

    // Hundreds of the dearer products: enough to pass the review threshold and to empty the shelves.
    private static ImmutableArray<OrderLineRequest> BulkLines(Random random, IReadOnlyList<Product> range)
    {
        var dearer = range.Where(p => p.UnitPrice >= 3m).ToArray();
        return [.. Products(random, dearer.Length > 0 ? dearer : range, random.Next(2, 4))
            .Select(product => new OrderLineRequest(product.Sku, 12 * random.Next(25, 51)))];
    }

    /// <summary>Distinct products, the first of <paramref name="range"/> far more often than the last.</summary>
    private static IEnumerable<Product> Products(Random random, IReadOnlyList<Product> range, int count)
    {
        var chosen = new HashSet<int>();
        count = Math.Min(count, range.Count);
        while (chosen.Count < count)
        {
            var skewed = random.NextDouble();
            var index = (int)(range.Count * skewed * skewed);
            // A product already chosen gives way to the next one, so that a small range never loops for long.
            while (!chosen.Add(index))
            {
                index = (index + 1) % range.Count;
            }
        }

        return chosen.Select(i => range[i]);
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return weighted[^1].Value;
    }
}