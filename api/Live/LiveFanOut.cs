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
/// followers (customer and staff views), the wall's event stream, the planners' stock levels and model versions. An order change is
/// heard the moment the order has stored it (<see cref="IOrderChangeListener"/>, before the read model has it) and pushed on its own:
/// each order's pushes go out in order, and no order waits behind another's. The customer view is built from what the change carries
/// (the shipments as they recorded themselves), so a push never waits on a shipment grain still busy telling the order. Stock and model
/// changes are queued, and of several changes to one stock level only the newest is sent.
/// </summary>
public sealed partial class LiveFanOut(
    CustomerOrderViews customerViews,
    LiveNetwork network,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider clock,
    ILogger<LiveFanOut> logger) : BackgroundService, IOrderChangeListener, IStockChangeListener, IPlanningListener
{
    private const int MaxBatch = 256;

    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _orderGate = new();

    /// <summary>Per order, the push last begun: the next change of that order is pushed after it, others do not wait.</summary>
    private readonly Dictionary<string, Task> _orderTails = new(StringComparer.Ordinal);

    public void OrderChanged(OrderChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var orderId = change.Order.Id;
        lock (_orderGate)
        {
            var previous = _orderTails.GetValueOrDefault(orderId) ?? Task.CompletedTask;

            // Off the order's turn (its scheduler must not run the fan-out) and after this order's previous push.
            var pushed = previous.ContinueWith(_ => PushOrder(change), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _orderTails[orderId] = pushed;
            _ = pushed.ContinueWith(done => Forget(orderId, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
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
            await network.Send(Pushes(batch));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogBatchFailed(logger, failure, batch.Count);
        }
    }

    private ImmutableArray<LivePush> Pushes(List<object> batch)
    {
        var newestLevels = batch.OfType<StockLevel>()
            .GroupBy(l => (l.WarehouseId, l.Sku))
            .Select(g => g.MaxBy(l => l.Version)!);
        return
        [
            .. newestLevels.Select(level => Push(LiveGroups.PlanningHub, LiveGroups.Planning, LiveMessages.StockChanged, level)),
            .. batch.OfType<ModelVersionInfo>().Select(version => Push(LiveGroups.PlanningHub, LiveGroups.Planning, LiveMessages.PlanningChanged, version)),
        ];
    }

    private async Task PushOrder(OrderChanged change)
    {
        try
        {
            await network.Send(await OrderPushes(change));
            OrderGridTelemetry.PushLatency.Record(Math.Max(0, (clock.GetUtcNow() - change.Order.UpdatedAt).TotalSeconds));
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogBatchFailed(logger, failure, 1);
        }
    }

    private void Forget(string orderId, Task pushed)
    {
        lock (_orderGate)
        {
            if (_orderTails.TryGetValue(orderId, out var last) && ReferenceEquals(last, pushed))
            {
                _orderTails.Remove(orderId);
            }
        }
    }

    private async Task<ImmutableArray<LivePush>> OrderPushes(OrderChanged change)
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
            var customerView = await customerViews.For(order, change.Shipments.IsDefault ? [] : change.Shipments);
            pushes.Add(Push(LiveGroups.OrdersHub, LiveGroups.Customers(order.Id), LiveMessages.OrderUpdated, new OrderUpdate<CustomerOrderView>(order.Id, order.Version, customerView)));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The customer view may need a shipment or stock grain; when one cannot answer, its page catches up on the next change.
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