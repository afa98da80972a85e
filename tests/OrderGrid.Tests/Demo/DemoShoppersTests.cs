using OrderGrid.Catalog;
using OrderGrid.Demo;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Demo;

[Trait(Lane.Name, Lane.Fast)]
public sealed class DemoShoppersTests
{
    private static readonly Product[] Range =
        [.. Enumerable.Range(1, 40).Select(i => new Product($"SKU-{i:D2}", $"Product {i}", 0.5m + (i % 9)))];

    private static readonly string[] Carriers = ["DHL", "UPS", "Royal Mail"];

    private static readonly DemoOrder[] Orders = Draw(seed: 5, count: 2_000);

    [Fact]
    public void Orders_come_from_every_channel_and_most_from_the_web()
    {
        var byChannel = Orders.GroupBy(o => o.Command.Channel).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enum.GetValues<SalesChannel>().Order(), byChannel.Keys.Order());
        Assert.Equal(SalesChannel.Web, byChannel.MaxBy(pair => pair.Value).Key);
    }

    [Fact]
    public void Every_order_is_valid_and_names_only_products_of_the_catalog()
    {
        Assert.All(Orders, order =>
        {
            Assert.Empty(PlacementRules.Validate(order.Command));
            Assert.InRange(order.Command.Lines.Length, 1, 4);
            Assert.All(order.Command.Lines, line => Assert.Contains(line.Sku, Range.Select(p => p.Sku)));
            Assert.Equal(DemoTrafficGrain.Actor, order.Command.PlacedBy);
            Assert.Contains(order.Traits.Carrier, Carriers);
        });
    }

    [Fact]
    public void Shoppers_buy_a_few_items_and_trade_customers_buy_by_the_dozen()
    {
        var shoppers = Orders.Where(o => o.Command.Channel is SalesChannel.Web or SalesChannel.App or SalesChannel.Store);
        var trade = Orders.Where(o => o.Command.Channel is SalesChannel.Phone or SalesChannel.Email).ToArray();

        Assert.All(shoppers.SelectMany(o => o.Command.Lines), line => Assert.InRange(line.Quantity, 1, 4));
        Assert.All(trade.SelectMany(o => o.Command.Lines), line => Assert.Equal(0, line.Quantity % 6));
        Assert.Contains(trade, o => o.Command.Lines.Sum(l => l.Quantity * Price(l.Sku)) > 5_000m);
    }

    [Fact]
    public void A_few_products_sell_most()
    {
        var lines = Orders.SelectMany(o => o.Command.Lines).ToArray();
        var bestSellers = Range.Take(Range.Length / 5).Select(p => p.Sku).ToHashSet();

        Assert.True(lines.Count(l => bestSellers.Contains(l.Sku)) > lines.Length * 0.4, "The first fifth of the range should sell far more than a fifth.");
        Assert.Contains(lines, l => l.Sku == Range[^1].Sku);
    }

    [Fact]
    public void Stories_vary_some_held_orders_are_left_and_a_few_parcels_go_astray()
    {
        Assert.Contains(Orders, o => !o.Traits.ApprovedByStaff);
        Assert.True(Orders.Count(o => o.Traits.ApprovedByStaff) > Orders.Length / 2);
        Assert.Contains(Orders, o => o.Traits.Trouble == DeliveryTrouble.Recovers);
        Assert.Contains(Orders, o => o.Traits.Trouble == DeliveryTrouble.Stays);
        Assert.True(Orders.Count(o => o.Traits.Trouble != DeliveryTrouble.None) < Orders.Length / 5);
    }

    [Fact]
    public void The_same_seed_draws_the_same_orders()
    {
        var again = Draw(seed: 5, count: 50);

        Assert.Equal(Orders.Take(50).Select(Describe), again.Select(Describe));
    }

    private static DemoOrder[] Draw(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => DemoShoppers.Next(random, Range, Carriers))];
    }

    private static decimal Price(string sku) => Range.Single(p => p.Sku == sku).UnitPrice;

    private static string Describe(DemoOrder order) =>
        $"{order.Command.CustomerId} {order.Command.Channel} {string.Join(",", order.Command.Lines.Select(l => $"{l.Sku}x{l.Quantity}"))} {order.Traits}";
}