using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Wall;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class WallBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 30, 20, TimeSpan.Zero);
    private static readonly WallOptions Options = new();

    [Fact]
    public void Each_order_counts_once_by_status_and_channel_however_often_or_late_its_news_comes()
    {
        var board = new WallBoard(0);
        board.Track(Change("OG-1", OrderStatus.Reserved, version: 3));
        board.Track(Change("OG-1", OrderStatus.Placed, version: 1));
        board.Track(Change("OG-1", OrderStatus.Reserved, version: 3));
        board.Track(Change("OG-2", OrderStatus.AwaitingReview, version: 2, channel: SalesChannel.Phone));

        var snapshot = board.Snapshot(Now, Options, "GBP");

        Assert.Equal(2, snapshot.Total);
        Assert.Equal(1, snapshot.ByStatus[OrderStatus.Reserved]);
        Assert.False(snapshot.ByStatus.ContainsKey(OrderStatus.Placed));
        Assert.Equal(1, snapshot.ByChannel[SalesChannel.Phone]);
        Assert.Equal("OG-2", Assert.Single(snapshot.ReviewQueue).OrderId);
    }

    [Fact]
    public void Orders_per_minute_cover_the_last_hour_minute_by_minute_oldest_first()
    {
        var board = new WallBoard(0);
        board.Track(Change("OG-1", OrderStatus.Reserved, placedAt: Now.AddSeconds(-5)));
        board.Track(Change("OG-2", OrderStatus.Reserved, placedAt: Now.AddSeconds(-15)));
        board.Track(Change("OG-3", OrderStatus.Reserved, placedAt: Now.AddMinutes(-1)));
        board.Track(Change("OG-4", OrderStatus.Reserved, placedAt: Now.AddMinutes(-59).AddSeconds(-30)));
        board.Track(Change("OG-5", OrderStatus.Reserved, placedAt: Now.AddHours(-2)));

        var minutes = board.Snapshot(Now, Options, "GBP").OrdersPerMinute;

        Assert.Equal(61, minutes.Length);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.Zero), minutes[^1].Minute);
        Assert.Equal(2, minutes[^1].Count);
        Assert.Equal(1, minutes[^2].Count);
        Assert.Equal(1, minutes[0].Count);
        Assert.Equal(4, minutes.Sum(m => m.Count));
    }

    [Fact]
    public void An_order_past_its_status_time_limit_and_a_failed_delivery_raise_alerts()
    {
        var board = new WallBoard(0);
        board.Track(Change("OG-late", OrderStatus.AwaitingReview, at: Now.AddMinutes(-31)));
        board.Track(Change("OG-fresh", OrderStatus.AwaitingReview, at: Now.AddMinutes(-29)));
        board.Track(Change("OG-lost", OrderStatus.DeliveryException, at: Now.AddMinutes(-5)));

        var alerts = board.Snapshot(Now, Options, "GBP").Alerts;

        var stuck = Assert.Single(alerts, a => a.Kind == WallAlert.Stuck);
        Assert.Equal("OG-late", stuck.OrderId);
        Assert.Contains("awaiting review for 31 minutes", stuck.Message, StringComparison.Ordinal);
        Assert.Equal("OG-lost", Assert.Single(alerts, a => a.Kind == WallAlert.DeliveryException).OrderId);
    }

    [Fact]
    public void A_stock_out_shows_until_the_sku_has_stock_again_and_older_news_is_ignored()
    {
        var board = new WallBoard(0);
        board.TrackStock(Level(available: 0, backordered: 4, version: 5), Now);
        Assert.Contains("orders wait for 4", Assert.Single(board.Snapshot(Now, Options, "GBP").Alerts).Message, StringComparison.Ordinal);

        board.TrackStock(Level(available: 0, backordered: 0, version: 3), Now);
        Assert.Single(board.Snapshot(Now, Options, "GBP").Alerts);

        board.TrackStock(Level(available: 6, backordered: 0, version: 6), Now);
        Assert.Empty(board.Snapshot(Now, Options, "GBP").Alerts);
    }

    [Fact]
    public void Every_stock_out_of_a_warehouse_counts_however_few_the_alerts_list()
    {
        var board = new WallBoard(0);
        for (var i = 0; i < Options.ListLimit + 40; i++)
        {
            board.TrackStock(Level(available: 0, backordered: 0, version: 1) with { WarehouseId = "uk-north", Sku = $"N{i}" }, Now.AddMinutes(-i));
        }

        board.TrackStock(Level(available: 0, backordered: 0, version: 1) with { WarehouseId = "uk-south", Sku = "S1" }, Now);
        board.TrackStock(Level(available: 3, backordered: 0, version: 1) with { WarehouseId = "uk-south", Sku = "S2" }, Now);

        var snapshot = board.Snapshot(Now, Options, "GBP");

        Assert.Equal(Options.ListLimit + 40, snapshot.StockOuts["uk-north"]);
        Assert.Equal(1, snapshot.StockOuts["uk-south"]);
        Assert.Equal(Options.ListLimit, snapshot.Alerts.Count(a => a.WarehouseId == "uk-north"));
        Assert.Equal("S1", Assert.Single(snapshot.Alerts, a => a.WarehouseId == "uk-south").Sku);
    }

    [Fact]
    public void A_late_out_of_stock_notice_does_not_bring_back_a_stock_out_that_has_ended()
    {
        var board = new WallBoard(0);
        board.TrackStock(Level(available: 0, backordered: 2, version: 5), Now);
        board.TrackStock(Level(available: 6, backordered: 0, version: 7), Now);
        board.TrackStock(Level(available: 0, backordered: 1, version: 6), Now);

        Assert.Empty(board.Snapshot(Now, Options, "GBP").Alerts);
    }

    [Fact]
    public void Many_old_stuck_orders_leave_room_for_a_new_failed_delivery()
    {
        var board = new WallBoard(0);
        for (var i = 0; i < Options.ListLimit * 2; i++)
        {
            board.Track(Change($"OG-old-{i}", OrderStatus.Backordered, at: Now.AddDays(-5)));
        }

        board.Track(Change("OG-lost", OrderStatus.DeliveryException, at: Now.AddMinutes(-1)));
        var alerts = board.Snapshot(Now, Options, "GBP").Alerts;

        Assert.Equal(Options.ListLimit, alerts.Count(a => a.Kind == WallAlert.Stuck));
        Assert.Contains(alerts, a => a.Kind == WallAlert.DeliveryException && a.OrderId == "OG-lost");
    }

    [Fact]
    public void A_board_started_from_history_counts_finished_orders_and_follows_open_ones()
    {
        var board = new WallBoard(1_000);
        board.Load(new WallHistory(
            [Change("OG-open", OrderStatus.Backordered, version: 4)],
            new Dictionary<OrderStatus, int> { [OrderStatus.Completed] = 7, [OrderStatus.Cancelled] = 2 },
            new Dictionary<SalesChannel, int> { [SalesChannel.Web] = 5, [SalesChannel.Store] = 4 }));
        board.Track(Change("OG-open", OrderStatus.Backordered, version: 4));
        board.Track(Change("OG-open", OrderStatus.Reserved, version: 6));

        var snapshot = board.Snapshot(Now, Options, "GBP");

        Assert.Equal(10, snapshot.Total);
        Assert.Equal(7, snapshot.ByStatus[OrderStatus.Completed]);
        Assert.Equal(1, snapshot.ByStatus[OrderStatus.Reserved]);
        Assert.False(snapshot.ByStatus.ContainsKey(OrderStatus.Backordered));
        Assert.Equal(6, snapshot.ByChannel[SalesChannel.Web]);
        Assert.True(snapshot.Revision > 1_000);
    }

    [Fact]
    public void The_revision_moves_on_with_news_and_with_time_but_not_with_old_news()
    {
        var board = new WallBoard(0);
        board.TimePassed();
        Assert.Equal(0, board.Revision);

        board.Track(Change("OG-1", OrderStatus.Reserved, version: 2));
        var afterNews = board.Revision;
        board.Track(Change("OG-1", OrderStatus.Reserved, version: 2));
        Assert.Equal(afterNews, board.Revision);

        board.TimePassed();
        Assert.True(board.Revision > afterNews);
    }

    private static OrderStatusChange Change(
        string orderId,
        OrderStatus status,
        long version = 1,
        SalesChannel channel = SalesChannel.Web,
        DateTimeOffset? placedAt = null,
        DateTimeOffset? at = null) =>
        new(orderId, channel, status, version, placedAt ?? Now.AddMinutes(-1), at ?? Now.AddMinutes(-1));

    private static StockLevel Level(int available, int backordered, long version) =>
        new("uk-north", "SKU-1", available, 0, available, 0, backordered, version);
}