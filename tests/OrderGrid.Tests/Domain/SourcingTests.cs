using OrderGrid.Orders;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class SourcingTests
{
    private static readonly string[] Warehouses = ["w1", "w2", "w3"];

    [Fact]
    public void The_first_warehouse_in_priority_order_that_has_everything_serves_the_whole_order()
    {
        var stock = Stock(("w1", "MUG", 5), ("w2", "MUG", 5), ("w2", "PLATE", 2), ("w3", "MUG", 9), ("w3", "PLATE", 9));

        var plan = Sourcing.Plan([("MUG", 2), ("PLATE", 2)], Warehouses, stock);

        Assert.Equal(
            [new PlannedDemand("w2", "MUG", 2, Backorder: true), new PlannedDemand("w2", "PLATE", 2, Backorder: true)],
            plan.AsEnumerable());
    }

    [Fact]
    public void The_highest_priority_warehouse_serves_the_order_when_it_can()
    {
        var stock = Stock(("w1", "MUG", 2), ("w2", "MUG", 5));

        var plan = Sourcing.Plan([("MUG", 2)], Warehouses, stock);

        Assert.Equal([new PlannedDemand("w1", "MUG", 2, Backorder: true)], plan.AsEnumerable());
    }

    [Fact]
    public void An_order_no_single_warehouse_can_serve_is_split_across_warehouses()
    {
        var stock = Stock(("w1", "MUG", 3), ("w2", "MUG", 2));

        var plan = Sourcing.Plan([("MUG", 5)], Warehouses, stock);

        Assert.Equal(
            new[] { new PlannedDemand("w1", "MUG", 3, Backorder: false), new PlannedDemand("w2", "MUG", 2, Backorder: false) }.ToHashSet(),
            plan.ToHashSet());
    }

    [Fact]
    public void Each_line_of_a_split_order_comes_from_where_it_is_in_stock()
    {
        var stock = Stock(("w1", "MUG", 2), ("w2", "PLATE", 2));

        var plan = Sourcing.Plan([("MUG", 2), ("PLATE", 2)], Warehouses, stock);

        Assert.Equal(
            new[] { new PlannedDemand("w1", "MUG", 2, Backorder: false), new PlannedDemand("w2", "PLATE", 2, Backorder: false) }.ToHashSet(),
            plan.ToHashSet());
    }

    [Fact]
    public void What_no_warehouse_has_is_backordered_at_the_first_warehouse()
    {
        var stock = Stock(("w1", "MUG", 3), ("w2", "MUG", 2));

        var plan = Sourcing.Plan([("MUG", 10)], Warehouses, stock);

        Assert.Equal(
            new[] { new PlannedDemand("w1", "MUG", 8, Backorder: true), new PlannedDemand("w2", "MUG", 2, Backorder: false) }.ToHashSet(),
            plan.ToHashSet());
        Assert.Equal(10, plan.Sum(d => d.Quantity));
    }

    [Fact]
    public void A_product_out_of_stock_everywhere_is_backordered_whole_at_the_first_warehouse()
    {
        var plan = Sourcing.Plan([("MUG", 4)], Warehouses, Stock(("w2", "MUG", -3)));

        Assert.Equal([new PlannedDemand("w1", "MUG", 4, Backorder: true)], plan.AsEnumerable());
    }

    [Fact]
    public void Without_warehouses_there_is_nothing_to_plan()
    {
        var plan = Sourcing.Plan([("MUG", 4)], [], (_, _) => 100);

        Assert.Empty(plan);
    }

    private static Func<string, string, int> Stock(params (string Warehouse, string Sku, int Available)[] levels) =>
        (warehouse, sku) => levels.FirstOrDefault(l => l.Warehouse == warehouse && l.Sku == sku).Available;
}