using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Rules;
using OrderGrid.Waves;

namespace OrderGrid.Tests.Waves;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class WaveGrainTests(ClusterFixture cluster)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_queue_puts_vip_then_express_then_normal_first_and_older_orders_before_newer()
    {
        var queue = NewQueue(out var wh);
        await queue.Track(News(wh, "o-normal-old", OrderPriority.Normal, T0));
        await queue.Track(News(wh, "o-vip-new", OrderPriority.Vip, T0.AddHours(2)));
        await queue.Track(News(wh, "o-express", OrderPriority.Express, T0.AddHours(1)));
        await queue.Track(News(wh, "o-vip-old", OrderPriority.Vip, T0.AddHours(1)));
        await queue.Track(News(wh, "o-normal-new", OrderPriority.Normal, T0.AddHours(3)));

        var open = await queue.Open();

        Assert.Equal(["o-vip-old", "o-vip-new", "o-express", "o-normal-old", "o-normal-new"], open.Select(p => p.OrderId));
    }

    [Fact]
    public async Task Older_news_changes_nothing_and_an_order_with_nothing_left_to_pick_leaves_the_queue()
    {
        var queue = NewQueue(out var wh);
        await queue.Track(News(wh, "o-1", OrderPriority.Normal, T0, version: 5));
        await queue.Track(News(wh, "o-1", OrderPriority.Normal, T0, version: 4) with { PickLists = [] });
        var kept = await queue.Open();
        await queue.Track(News(wh, "o-1", OrderPriority.Normal, T0, version: 6) with { PickLists = [] });

        Assert.Single(kept);
        Assert.Empty(await queue.Open());
    }

    [Fact]
    public async Task A_wave_takes_the_first_pick_lists_no_wave_holds_and_sums_the_path_per_sku()
    {
        var queue = NewQueue(out var wh);
        await queue.Track(News(wh, "o-normal", OrderPriority.Normal, T0, ("sku-a", 2)));
        await queue.Track(News(wh, "o-vip", OrderPriority.Vip, T0.AddHours(1), ("sku-a", 1), ("sku-b", 4)));
        await queue.Track(News(wh, "o-express", OrderPriority.Express, T0.AddHours(1), ("sku-b", 3)));

        var first = (await queue.PlanWave(2, ClusterFixture.Ops)).Value!;
        var second = (await queue.PlanWave(null, ClusterFixture.Ops)).Value!;
        var none = await queue.PlanWave(null, ClusterFixture.Ops);

        Assert.Equal($"WV-{wh}-1", first.Id);
        Assert.Equal(["o-vip", "o-express"], first.PickLists.Select(p => p.OrderId));
        Assert.Equal([("sku-a", 1), ("sku-b", 7)], first.PickPath.Select(s => (s.Sku, s.Quantity)));
        Assert.Equal([("o-vip", 4), ("o-express", 3)], first.PickPath[1].Shares.Select(s => (s.OrderId, s.Quantity)));
        Assert.Equal(["o-normal"], second.PickLists.Select(p => p.OrderId));
        Assert.Equal(RefusalKind.Conflict, none.Refusal?.Kind);
        Assert.Equal([first.Id, first.Id, second.Id], (await queue.Open()).Select(p => p.WaveId));
        Assert.Equal(first.PickLists.Select(p => p.PickListId), (await cluster.Grains.GetGrain<IWaveGrain>(first.Id).Get())!.PickLists.Select(p => p.PickListId));
    }

    [Fact]
    public async Task Concurrent_waves_never_share_a_pick_list()
    {
        var queue = NewQueue(out var wh);
        for (var i = 0; i < 30; i++)
        {
            await queue.Track(News(wh, $"o-{i:00}", (OrderPriority)(i % 3), T0.AddMinutes(i)));
        }

        var waves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => queue.PlanWave(4, ClusterFixture.Ops)));

        var taken = waves.Where(w => w.Succeeded).SelectMany(w => w.Value!.PickLists).Select(p => p.PickListId).ToList();
        Assert.All(waves, w => Assert.True(w.Succeeded, w.Refusal?.Message));
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.Equal(30, taken.Count);
    }

    [Fact]
    public async Task An_invalid_wave_size_is_refused_with_the_field()
    {
        var refused = await NewQueue(out _).PlanWave(0, ClusterFixture.Ops);

        Assert.Equal(RefusalKind.Invalid, refused.Refusal?.Kind);
        Assert.Contains("maxPickLists", refused.Refusal!.Errors!.Keys);
    }

    [Fact]
    public async Task Orders_reach_the_queue_through_the_change_feed_in_rule_given_priority()
    {
        var sku = await cluster.NewProduct();
        var vipSku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        await cluster.Receive("w1", vipSku, 10);
        await cluster.Grains.GetGrain<IRulesGrain>("default").Create(
            new RuleDefinition($"vip {vipSku}", 900_000, new RuleConditions { Skus = [vipSku] }, [new RuleAction(RuleActionKind.Priority, Level: OrderPriority.Vip)]));
        var normal = await Issued((sku, 1));
        var vip = await Issued((vipSku, 1));
        var queue = cluster.Grains.GetGrain<IPickQueueGrain>("w1");

        var mine = await Eventually(async () => (await queue.Open()).Where(p => p.OrderId == normal || p.OrderId == vip).ToList(), l => l.Count == 2);
        await cluster.Order(vip).MarkPicked($"{vip}-P1", ClusterFixture.Ops);
        var left = await Eventually(async () => (await queue.Open()).Where(p => p.OrderId == normal || p.OrderId == vip).ToList(), l => l.Count == 1);

        Assert.Equal([(vip, OrderPriority.Vip), (normal, OrderPriority.Normal)], mine.Select(p => (p.OrderId, p.Priority)));
        Assert.Equal(normal, Assert.Single(left).OrderId);
    }

    [Fact]
    public async Task Marking_a_wave_picked_picks_each_pick_list_once_and_counts_an_already_picked_one_as_done()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var first = await Issued((sku, 1));
        var second = await Issued((sku, 2));
        var cancelled = await Issued((sku, 1));
        await cluster.Order(second).MarkPicked($"{second}-P1", ClusterFixture.Ops);
        await cluster.Order(cancelled).Cancel("changed mind", ClusterFixture.Ops);
        var waveId = ClusterFixture.Unique("WV-test");
        var wave = cluster.Grains.GetGrain<IWaveGrain>(waveId);
        var lists = new[] { first, second, cancelled }.Select(o => new QueuedPickList($"{o}-P1", o, OrderPriority.Normal, T0, [new PickListLine(sku, "x", 1, null)]));
        await wave.Open(new WaveOpening(waveId, "w1", [.. lists], T0, ClusterFixture.Ops));

        var marked = await Task.WhenAll(wave.MarkPicked(ClusterFixture.Ops), wave.MarkPicked(ClusterFixture.Ops));

        var picked = marked[0].Value!;
        Assert.Equal(picked.PickedAt, marked[1].Value!.PickedAt);
        Assert.Equal(picked.Outcomes.ToArray(), marked[1].Value!.Outcomes.ToArray());
        Assert.Equal(WaveStatus.Picked, picked.Status);
        Assert.Equal([WavePickResult.Picked, WavePickResult.AlreadyPicked, WavePickResult.Refused], picked.Outcomes.Select(o => o.Result));
        foreach (var order in new[] { first, second })
        {
            var view = (await cluster.Order(order).Get())!;
            Assert.Single(view.Timeline, e => e.Kind == "pick-list.picked");
            Assert.Equal(PickListStatus.Picked, view.PickLists.Single().Status);
        }
    }

    [Fact]
    public async Task An_unknown_wave_is_not_found()
    {
        var wave = cluster.Grains.GetGrain<IWaveGrain>(ClusterFixture.Unique("WV-none"));

        Assert.Null(await wave.Get());
        Assert.Equal(RefusalKind.NotFound, (await wave.MarkPicked(ClusterFixture.Ops)).Refusal?.Kind);
    }

    private IPickQueueGrain NewQueue(out string warehouseId)
    {
        warehouseId = ClusterFixture.Unique("wh");
        return cluster.Grains.GetGrain<IPickQueueGrain>(warehouseId);
    }

    private static OrderPickLists News(string wh, string orderId, OrderPriority priority, DateTimeOffset placedAt, params (string Sku, int Quantity)[] lines) =>
        News(wh, orderId, priority, placedAt, 1, lines);

    private static OrderPickLists News(string wh, string orderId, OrderPriority priority, DateTimeOffset placedAt, long version, params (string Sku, int Quantity)[] lines)
    {
        ImmutableArray<PickListLine> picks = lines.Length == 0 ? [new PickListLine("sku", "Thing", 1, null)] : [.. lines.Select(l => new PickListLine(l.Sku, l.Sku, l.Quantity, null))];
        return new OrderPickLists(orderId, version, priority, placedAt, [new PickList($"{orderId}-P1", orderId, wh, picks, PickListStatus.Open, null)]);
    }

    private async Task<string> Issued(params (string Sku, int Quantity)[] lines)
    {
        var order = await cluster.Place(lines);
        var issued = await cluster.Order(order.Id).IssuePickLists(ClusterFixture.Ops);
        Assert.True(issued.Succeeded, issued.Refusal?.Message);
        return order.Id;
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }

        Assert.True(condition(value), "The queue never got there.");
        return value;
    }
}