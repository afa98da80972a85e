using Microsoft.Extensions.Logging.Abstractions;

using OrderGrid.Orders;
using OrderGrid.Silo.ReadModel;

namespace OrderGrid.Tests.ReadModel;

/// <summary>The read-model writer against a real PostgreSQL: idempotent, version-guarded, demand counted once.</summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class ReadModelWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private ReadModelDatabase database = null!;
    private ReadModelWriter writer = null!;

    private const string AllTables = """
        SELECT 'o', id, status, version::text, total::text, array_to_string(skus, ','), array_to_string(warehouse_ids, ',') FROM orders
        UNION ALL SELECT 'l', order_id, sku, quantity::text, reserved_quantity::text, backordered_quantity::text, order_version::text FROM order_lines
        UNION ALL SELECT 't', order_id, sequence::text, kind, status, actor_kind, actor_name FROM order_timeline
        UNION ALL SELECT 's', id, order_id, status, carrier, tracking_number, order_version::text FROM shipments
        UNION ALL SELECT 'd', day::text, sku, warehouse_id, channel, quantity || '/' || cancelled_quantity, revenue || '/' || order_count FROM daily_sales
        ORDER BY 1, 2, 3, 4
        """;

    public async Task InitializeAsync()
    {
        database = await ReadModelDatabase.Create();
        writer = new ReadModelWriter(database.DataSource, NullLogger<ReadModelWriter>.Instance);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Writing_the_same_batch_twice_writes_it_once()
    {
        var a = new OrderStory("c-1", SalesChannel.Web, Monday, ("SKU-A", 2, 5.00m), ("SKU-B", 1, 12.50m)).Reserve("uk-north");
        var b = new OrderStory("c-2", SalesChannel.App, Monday, ("SKU-A", 3, 5.00m)).Reserve("uk-north").Ship("SH-0000-0001");
        OrderChanged[] batch = [a.Change(), b.Change()];

        await Write(batch);
        var once = await database.Rows(AllTables);
        await Write(batch);

        Assert.Equal(once, await database.Rows(AllTables));
        Assert.Equal(2, await database.Scalar("SELECT count(*) FROM orders"));
        Assert.Equal(a.View.Timeline.Length + b.View.Timeline.Length, await database.Scalar("SELECT count(*) FROM order_timeline"));
        Assert.Equal(5, await database.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = 'SKU-A'"));
        Assert.Equal(2, await database.Scalar("SELECT sum(order_count) FROM daily_sales WHERE sku = 'SKU-A'"));
        Assert.Equal(1, await database.Scalar("SELECT count(*) FROM shipments WHERE order_id = $1", b.Id));
    }

    [Fact]
    public async Task A_redelivery_from_an_older_published_version_adds_nothing()
    {
        var order = new OrderStory("c-3", SalesChannel.Web, Monday, ("SKU-C", 4, 2.50m)).Reserve("uk-south");
        await Write(order.Change());
        order.Ship("SH-0000-0002");

        // The first delivery is not confirmed: the next one starts from version 0 again, with more entries.
        await Write(order.Change(fromVersion: 0));
        await Write(order.Change(fromVersion: 0));

        Assert.Equal(order.View.Version, await database.Scalar("SELECT version FROM orders WHERE id = $1", order.Id));
        Assert.Equal(order.View.Timeline.Length, await database.Scalar("SELECT count(*) FROM order_timeline WHERE order_id = $1", order.Id));
        Assert.Equal(4, await database.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = 'SKU-C'"));
    }

    [Fact]
    public async Task An_older_snapshot_after_a_newer_one_is_ignored()
    {
        var order = new OrderStory("c-4", SalesChannel.Phone, Monday, ("SKU-D", 1, 100m)).Reserve("uk-north");
        var reserved = order.Change();
        order.Ship("SH-0000-0003").Deliver();
        var delivered = order.Change(fromVersion: reserved.Order.Version);

        await Write(delivered);
        await Write(reserved);

        Assert.Equal(["Delivered"], await database.Rows("SELECT status FROM orders WHERE id = $1", order.Id));
        Assert.Equal(order.View.Version, await database.Scalar("SELECT version FROM orders WHERE id = $1", order.Id));
        Assert.Equal(["Delivered"], await database.Rows("SELECT status FROM shipments WHERE order_id = $1", order.Id));
        Assert.Equal(order.View.Version, await database.Scalar("SELECT min(order_version) FROM order_lines WHERE order_id = $1", order.Id));
        Assert.Equal(order.View.Timeline.Length, await database.Scalar("SELECT count(*) FROM order_timeline WHERE order_id = $1", order.Id));
    }

    [Fact]
    public async Task Demand_is_counted_once_when_a_backorder_is_reserved_later()
    {
        var order = new OrderStory("c-5", SalesChannel.Web, Monday, ("SKU-E", 6, 3m)).Backorder("uk-north");
        await Write(order.Change());
        var backordered = order.View.Version;
        order.StockArrives("uk-south");
        await Write(order.Change(backordered));

        Assert.Equal(["2026-03-02 | uk-north | web | 6 | 0 | 18.00 | 1"], await Sales("SKU-E"));
    }

    [Fact]
    public async Task Demand_is_split_over_the_warehouses_of_the_line()
    {
        var order = new OrderStory("c-6", SalesChannel.Store, Monday, ("SKU-F", 5, 2m)).Reserve("uk-north", "eu-central");
        await Write(order.Change());

        Assert.Equal(
            ["2026-03-02 | eu-central | store | 3 | 0 | 6.00 | 1", "2026-03-02 | uk-north | store | 2 | 0 | 4.00 | 1"],
            await Sales("SKU-F"));
        Assert.Equal(["eu-central,uk-north"], await database.Rows("SELECT array_to_string(warehouse_ids, ',') FROM orders WHERE id = $1", order.Id));
    }

    [Fact]
    public async Task A_cancellation_takes_back_what_the_order_added_even_after_release()
    {
        var order = new OrderStory("c-7", SalesChannel.Web, Monday, ("SKU-G", 2, 10m)).Reserve("uk-south");
        await Write(order.Change());
        var reserved = order.View.Version;
        order.Cancel().Release();

        // Delivered once with both entries new, then again: the allocations are gone by now, the sales are not.
        await Write(order.Change(reserved));
        await Write(order.Change(reserved));

        Assert.Equal(["2026-03-02 | uk-south | web | 2 | 2 | 20.00 | 1"], await Sales("SKU-G"));
    }

    [Fact]
    public async Task An_order_reserved_and_cancelled_before_its_first_delivery_counts_both()
    {
        var order = new OrderStory("c-8", SalesChannel.Email, Monday, ("SKU-H", 3, 1m)).Reserve("uk-north").Cancel().Release();

        await Write(order.Change());

        Assert.Equal(["2026-03-02 |  | email | 3 | 3 | 3.00 | 1"], await Sales("SKU-H"));
    }

    [Fact]
    public async Task Rejected_and_review_cancelled_orders_add_no_sales()
    {
        var rejected = new OrderStory("c-9", SalesChannel.Web, Monday, ("SKU-I", 9, 1000m)).HoldForReview().Reject();
        var cancelled = new OrderStory("c-10", SalesChannel.Web, Monday, ("SKU-I", 9, 1000m)).HoldForReview().Cancel();
        var approved = new OrderStory("c-11", SalesChannel.Web, Monday, ("SKU-I", 1, 1000m)).HoldForReview().Approve().Reserve("uk-north");

        await Write(rejected.Change(), cancelled.Change(), approved.Change());

        Assert.Equal(["2026-03-02 | uk-north | web | 1 | 0 | 1000.00 | 1"], await Sales("SKU-I"));
        Assert.Equal(3, await database.Scalar("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task The_same_order_twice_in_one_batch_is_written_from_its_newest_view()
    {
        var order = new OrderStory("c-12", SalesChannel.Web, Monday, ("SKU-J", 1, 1m)).Reserve("uk-north");
        var first = order.Change();
        order.Ship("SH-0000-0004");

        await Write(order.Change(first.Order.Version), first);

        Assert.Equal(["Shipped"], await database.Rows("SELECT status FROM orders WHERE id = $1", order.Id));
        Assert.Equal(order.View.Timeline.Length, await database.Scalar("SELECT count(*) FROM order_timeline WHERE order_id = $1", order.Id));
        Assert.Equal(1, await database.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = 'SKU-J'"));
    }

    private Task<List<string>> Sales(string sku) => database.Rows(
        "SELECT day::text, warehouse_id, channel, quantity, cancelled_quantity, revenue, order_count FROM daily_sales WHERE sku = $1 AND source = 'live' ORDER BY warehouse_id",
        sku);

    private Task Write(params OrderChanged[] changes) => writer.Consume(changes, CancellationToken.None);
}