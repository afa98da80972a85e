using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.Wall;

/// <summary>
/// The wall's picture of all orders, kept in memory and fed by news: each order is followed by version, so a late
/// or repeated message never counts twice. Finished orders are forgotten one by one an hour after they finish and
/// remain only in the counts.
/// </summary>
/// <param name="firstRevision">Where revisions start: a later board (the wall reactivated elsewhere) starts above
/// any revision an earlier one reached, so that screens never mistake its pictures for old ones.</param>
public sealed class WallBoard(long firstRevision)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    private readonly Dictionary<string, WallEntry> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<OrderStatus, int> _byStatus = [];
    private readonly Dictionary<SalesChannel, int> _byChannel = [];
    private readonly Dictionary<string, StockLevel> _stockOuts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _stockOutSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _stockVersions = new(StringComparer.Ordinal);

    /// <summary>Grows with every change the board takes in.</summary>
    public long Revision { get; private set; } = firstRevision;

    public int Total => _byChannel.Values.Sum();

    /// <summary>Starts from what happened before: counts of finished orders and the recent ones to follow.</summary>
    public void Load(WallHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var (status, count) in history.FinishedByStatus)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + count;
        }

        foreach (var (channel, count) in history.FinishedByChannel)
        {
            _byChannel[channel] = _byChannel.GetValueOrDefault(channel) + count;
        }

        foreach (var order in history.RecentOrders)
        {
            Track(order);
        }

        Revision++;
    }

    /// <summary>Takes in an order's new status; answers false when the board already knew it.</summary>
    public bool Track(OrderStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_orders.TryGetValue(change.OrderId, out var known))
        {
            if (known.Version >= change.Version)
            {
                return false;
            }

            _byStatus[known.Status]--;
        }
        else
        {
            _byChannel[change.Channel] = _byChannel.GetValueOrDefault(change.Channel) + 1;
        }

        var since = known is not null && known.Status == change.Status ? known.Since : change.At;
        _orders[change.OrderId] = new WallEntry(change.Status, change.Channel, change.Version, change.PlacedAt, since);
        _byStatus[change.Status] = _byStatus.GetValueOrDefault(change.Status) + 1;
        Revision++;
        return true;
    }

    /// <summary>Marks a new revision when anything is shown at all: time moves the chart and makes orders stuck.</summary>
    public void TimePassed()
    {
        if (_orders.Count > 0 || _stockOuts.Count > 0)
        {
            Revision++;
        }
    }

    /// <summary>Takes in a SKU that is out of stock in a warehouse (<see cref="StockOut"/>) or has stock again.</summary>
    public void TrackStock(StockLevel level, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(level);
        var key = StockKey.For(level.WarehouseId, level.Sku);
        if (_stockVersions.TryGetValue(key, out var known) && known >= level.Version)
        {
            return;
        }

        _stockVersions[key] = level.Version;

        if (StockOut.Is(level))
        {
            _stockOuts[key] = level;
            _stockOutSince.TryAdd(key, now);
        }
        else
        {
            _stockOuts.Remove(key);
            _stockOutSince.Remove(key);
        }

        Revision++;
    }

    public OrderWallSummary Summary(DateTimeOffset now) => new(
        _byStatus.Where(s => s.Value > 0).ToImmutableDictionary(),
        _byChannel.ToImmutableDictionary(),
        _orders.Values.Count(o => o.PlacedAt > now.AddMinutes(-1)),
        _orders.Values.Count(o => o.PlacedAt > now.AddHours(-1)),
        Total);

    public WallSnapshot Snapshot(DateTimeOffset now, WallOptions options, string currency)
    {
        ArgumentNullException.ThrowIfNull(options);
        Forget(now);
        var summary = Summary(now);
        return new WallSnapshot(
            Revision,
            now,
            summary.ByStatus,
            summary.ByChannel,
            summary.PlacedLastMinute,
            summary.PlacedLastHour,
            summary.Total,
            PerMinute(now),
            Queue(OrderStatus.AwaitingReview, options.ListLimit),
            Queue(OrderStatus.Backordered, options.ListLimit),
            Alerts(now, options),
            StockOutsByWarehouse(),
            currency);
    }

    /// <summary>How many SKUs each warehouse is out of: all of them, however few the alerts list.</summary>
    private ImmutableDictionary<string, int> StockOutsByWarehouse() =>
        _stockOuts.Values.GroupBy(level => level.WarehouseId, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Orders in <paramref name="status"/>, longest waiting first.</summary>
    public ImmutableArray<QueuedOrder> Queue(OrderStatus status, int limit) => [.. _orders
        .Where(o => o.Value.Status == status)
        .OrderBy(o => o.Value.Since)
        .Take(Math.Clamp(limit, 1, 1000))
        .Select(o => new QueuedOrder(o.Key, o.Value.Status, o.Value.Channel, o.Value.PlacedAt, o.Value.Since))];

    // The last 60 whole minutes and the current one, oldest first, with the minutes nobody ordered in.
    private ImmutableArray<MinuteCount> PerMinute(DateTimeOffset now)
    {
        var current = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var counts = _orders.Values
            .Where(o => o.PlacedAt > current.AddMinutes(-60))
            .GroupBy(o => (int)Math.Ceiling((current - o.PlacedAt).TotalMinutes))
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, 61).Reverse().Select(ago => new MinuteCount(current.AddMinutes(-ago), counts.GetValueOrDefault(ago)))];
    }

    private ImmutableArray<WallAlert> Alerts(DateTimeOffset now, WallOptions options)
    {
        var failedDeliveries = _orders
            .Where(o => o.Value.Status == OrderStatus.DeliveryException)
            .Select(o => new WallAlert(WallAlert.DeliveryException, o.Key, null, null, o.Value.Status, o.Value.Since, $"Delivery failed for {o.Key}."));
        var stuck = _orders
            .Where(o => options.Sla.TryGetValue(o.Value.Status, out var limit) && now - o.Value.Since > limit)
            .Select(o => new WallAlert(WallAlert.Stuck, o.Key, null, null, o.Value.Status, o.Value.Since, $"{o.Key} has been {Words(o.Value.Status)} for {Duration(now - o.Value.Since)}."));
        var stockOuts = _stockOuts.Select(s => new WallAlert(
            WallAlert.StockOut,
            null,
            s.Value.WarehouseId,
            s.Value.Sku,
            null,
            _stockOutSince[s.Key],
            s.Value.Backordered > 0
                ? $"{s.Value.Sku} is out of stock in {s.Value.WarehouseId}; orders wait for {s.Value.Backordered}."
                : $"{s.Value.Sku} is out of stock in {s.Value.WarehouseId}."));
        // Each kind has its own share of the list, so that many old stuck orders never hide a new failed delivery;
        // each warehouse its own share of the stock-outs (their full counts are in the snapshot's StockOuts).
        var stockOutsShown = stockOuts
            .GroupBy(a => a.WarehouseId, StringComparer.Ordinal)
            .SelectMany(warehouse => warehouse.OrderBy(a => a.Since).ThenBy(a => a.Sku, StringComparer.Ordinal).Take(options.ListLimit));
        return [.. new[] { failedDeliveries, stuck }
            .SelectMany(kind => kind.OrderBy(a => a.Since).Take(options.ListLimit))
            .Concat(stockOutsShown)
            .OrderBy(a => a.Since)];
    }

    // Finished orders never change again: after an hour they stay only in the counts.
    private void Forget(DateTimeOffset now)
    {
        var done = _orders
            .Where(o => o.Value.Status is OrderStatus.Completed or OrderStatus.Cancelled && now - o.Value.Since > Remembered)
            .Select(o => o.Key)
            .ToList();
        done.ForEach(id => _orders.Remove(id));
    }

    private static string Words(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingReview => "awaiting review",
        OrderStatus.PartiallyShipped => "partially shipped",
        OrderStatus.InTransit => "in transit",
        OrderStatus.OutForDelivery => "out for delivery",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{(int)span.TotalDays} days",
        { TotalHours: >= 2 } => $"{(int)span.TotalHours} hours",
        _ => $"{Math.Max(1, (int)span.TotalMinutes)} minutes",
    };
}