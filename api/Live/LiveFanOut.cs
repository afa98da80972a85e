using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Tracking;
using OrderGrid.Live;
using OrderGrid.Orders;
using OrderGrid.Planning;
using OrderGrid.Stock;
using OrderGrid.Telemetry;

namespace OrderGrid.Api.Live;

/// <summary>
/// Turns this silo's order changes and stock changes into pushes for every node (docs/architecture.md, "Order changes"): the order's
/// followers (customer and staff views), the wall's event stream, the planners' stock levels and model versions. Taking a change only
/// queues it, so the order's outbox is never held up by browsers; what is queued together goes out together, and
/// of several changes to one stock level only the newest is sent.
/// </summary>
public sealed partial class LiveFanOut(
    CustomerOrderViews customerViews,
    LiveNetwork network,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider clock,
    ILogger<LiveFanOut> logger) : BackgroundService, IOrderChangeConsumer, IStockChangeListener, IPlanningListener
{
    private const int MaxBatch = 256;

    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            _queue.Writer.TryWrite(change);
        }

        return Task.CompletedTask;
    }

    public void StockChanged(StockLevel level) => _queue.Writer.TryWrite(level);

    public void ModelServing(ModelVersionInfo version) => _queue.Writer.TryWrite(version);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await Send(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: screens resynchronise when they reconnect to another node.
        }
    }

    private async Task Send(List<object> batch)
    {
        try
        {
            await network.Send(await Pushes(batch));
            var sent = clock.GetUtcNow();
            foreach (var change in batch.OfType<OrderChanged>())
            {
                OrderGridTelemetry.PushLatency.Record(Math.Max(0, (sent - change.Order.UpdatedAt).TotalSeconds));
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogBatchFailed(logger, failure, batch.Count);
        }
    }

    private async Task<ImmutableArray<LivePush>> Pushes(List<object> batch)
    {
        var pushes = ImmutableArray.CreateBuilder<LivePush>();
        // Side by side: each view may wait on shipment grains, and one waiting must not delay the next.
        foreach (var orderPushes in await Task.WhenAll(batch.OfType<OrderChanged>().Select(OrderPushes)))
        {
            pushes.AddRange(orderPushes);
        }

        var newestLevels = batch.OfType<StockLevel>()
            .GroupBy(l => (l.WarehouseId, l.Sku))
            .Select(g => g.MaxBy(l => l.Version)!);
        pushes.AddRange(newestLevels.Select(level => Push(LiveGroups.PlanningHub, LiveGroups.Planning, LiveMessages.StockChanged, level)));
        pushes.AddRange(batch.OfType<ModelVersionInfo>().Select(version => Push(LiveGroups.PlanningHub, LiveGroups.Planning, LiveMessages.PlanningChanged, version)));
        return pushes.ToImmutable();
    }

    private async Task<LivePush[]> OrderPushes(OrderChanged change)
    {
        var order = change.Order;
        var entries = change.NewEntries.Select(e => new WallOrderEntry(e.Sequence, e.At, e.Kind, e.Description, e.Status)).ToArray();
        var pushes = new List<LivePush>(3)
        {
            Push(LiveGroups.OrdersHub, LiveGroups.Staff(order.Id), LiveMessages.OrderUpdated, new OrderUpdate<OrderView>(order.Id, order.Version, order)),
            Push(LiveGroups.WallHub, LiveGroups.Wall, LiveMessages.OrderEvent, new WallOrderEvent(order.Id, order.Channel, order.Status, order.Version, order.Total, order.PlacedAt, entries)),
        };
        try
        {
            var customerView = await customerViews.For(order);
            pushes.Add(Push(LiveGroups.OrdersHub, LiveGroups.Customers(order.Id), LiveMessages.OrderUpdated, new OrderUpdate<CustomerOrderView>(order.Id, order.Version, customerView)));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The customer view needs the shipment grains; when one cannot answer, its page catches up on the next change.
            LogOrderFailed(logger, failure, order.Id);
        }

        return [.. pushes];
    }

    private LivePush Push<T>(string hub, string group, string method, T payload) =>
        new(hub, group, method, JsonSerializer.Serialize(payload, json.Value.SerializerOptions));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer view of order {OrderId} was not pushed; its tracking pages catch up on its next change or reconnect.")]
    private static partial void LogOrderFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} live changes were not pushed; screens catch up on the next change or reconnect.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}