using OrderGrid.Orders;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class StockConservationTests(ClusterFixture cluster)
{
    private static readonly string[] Warehouses = ["w1", "w2"];

    [Fact]
    public async Task Concurrent_placements_and_changes_never_oversell_and_leave_nothing_behind()
    {
        var skus = new[] { await cluster.NewProduct(), await cluster.NewProduct(), await cluster.NewProduct() };
        foreach (var sku in skus)
        {
            await cluster.Receive("w1", sku, 6);
            await cluster.Receive("w2", sku, 4);
        }

        var random = new Random(6);
        var placed = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => cluster.Place((skus[i % 3], 1 + (i % 4)), (skus[(i + 1) % 3], 1))));
        var changes = placed.SelectMany(order => Enumerable.Range(0, 3).Select(_ =>
            cluster.Order(order.Id).Modify(
                OrderModificationTests.Change([.. skus.Where(_ => random.Next(3) > 0).DefaultIfEmpty(skus[0]).Select(sku => (sku, random.Next(1, 6)))]),
                ClusterFixture.Ops)));
        var racing = Enumerable.Range(0, 8).Select(i => cluster.Place((skus[i % 3], 2)));
        await Task.WhenAll([.. changes, .. racing]);
        await Task.WhenAll(skus.Select(sku => cluster.Receive("w2", sku, 5)));

        foreach (var sku in skus)
        {
            foreach (var warehouse in Warehouses)
            {
                var level = await cluster.Stock(warehouse, sku).GetLevel();
                Assert.Equal(level.OnHand, level.Available + level.Reserved);
                Assert.InRange(level.Reserved, 0, level.OnHand);
            }
        }

        foreach (var order in placed)
        {
            await Conserved(order.Id, skus);
        }
    }

    /// <summary>What the order records it holds in each warehouse is what that warehouse holds for it (fills arrive one way, so wait a little).</summary>
    private async Task Conserved(string orderId, string[] skus)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var order = (await cluster.Order(orderId).Get())!;
            var recorded = order.Lines
                .SelectMany(l => l.Allocations.Select(a => (a.WarehouseId, l.Sku, a.Reserved, a.Backordered)))
                .Where(a => a.Reserved > 0 || a.Backordered > 0)
                .OrderBy(a => a).ToArray();
            var held = (await Task.WhenAll(from w in Warehouses from sku in skus select cluster.Stock(w, sku).AllocationFor(orderId)))
                .Where(a => a.Reserved > 0 || a.Backordered > 0)
                .Select(a => (a.WarehouseId, a.Sku, a.Reserved, a.Backordered))
                .OrderBy(a => a).ToArray();
            var covered = order.Lines.All(l => l.ReservedQuantity + l.BackorderedQuantity == l.Quantity);
            if ((recorded.SequenceEqual(held) && covered) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(held, recorded);
                Assert.True(covered, $"Order {orderId} does not cover its lines: {string.Join(" | ", order.Timeline.Select(e => e.Description))}");
                return;
            }

            await Task.Delay(50);
        }
    }
}