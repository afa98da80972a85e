using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.AfterSales;
using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Rules;
using OrderGrid.Shipping;
using OrderGrid.Stock;
using OrderGrid.Telemetry;
using OrderGrid.Wall;

namespace OrderGrid.Orders;

/// <summary>
/// One order. Decisions come from <see cref="OrderLifecycle"/>; this grain only gathers facts, records the
/// decision, and then performs the steps the decision left pending (reserve, release, dispatch), recording
/// their answers. A pending step survives in state and is resumed on reactivation.
/// </summary>
[GrainType("order")]
public sealed class OrderGrain(
    [PersistentState(GrainStateNames.Order, "orders")] IPersistentState<OrderState> state,
    IOptions<FulfilmentOptions> fulfilment,
    IOptions<CatalogOptions> catalog,
    IOrderChangeFeed feed,
    IUnfinishedOrders unfinished,
    FreshGrainKeys fresh,
    TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string CompletionReminder = "complete";
    private static readonly TimeSpan RetryDelivery = TimeSpan.FromSeconds(5);

    private IGrainTimer? _redelivery;
    private IGrainTimer? _resumption;
    private IGrainTimer? _delivery;
    private bool _wallBehind;
    private bool _unmarkWhenDelivered;

    /// <summary>The shipments heard of on this activation, as each recorded itself: carried with the order's changes.</summary>
    private readonly Dictionary<string, ShipmentView> _shipments = new(StringComparer.Ordinal);

    private OrderStock Stock => new(GrainFactory, this.GetPrimaryKeyString());

    /// <summary>
    /// The order as last stored (or read at activation): what <see cref="Get"/> and <see cref="GetForCustomer"/> answer.
    /// They interleave with every turn, so they never read <c>state.State</c>, which holds a change while its write is
    /// in flight; outside such a write the two are the same.
    /// </summary>
    private OrderState _stored = new();

    private OrderState Order => state.State;

    /// <summary>The store a pickup order is collected from: its only source of stock.</summary>
    private string? PickupStore => Order.Fulfilment.IsPickup ? Order.Fulfilment.WarehouseId : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Order.IsPlaced)
        {
            state.State = Order with { Id = this.GetPrimaryKeyString() };
            _stored = Order;
            return;
        }

        var stored = Order;
        state.State = OrderLifecycle.Upgrade(stored);
        _stored = Order;
        if (!ReferenceEquals(stored, Order) && !Order.Steps.IsEmpty)
        {
            // Stored by a version before the step list, which kept no mark: mark it now, as a new step would be.
            await unfinished.Mark(Order.Id);
        }

        // Changes stored but not delivered (a crash in between) go in a turn of their own, as after any answer: the
        // activation never waits for the feed, whose consumers may be waiting to read this order.
        DeliverAfterAnswer();
        await ResumePendingSteps();
        if (Order.Status == OrderStatus.Backordered || OrderLifecycle.AwaitsRemainder(Order))
        {
            // Stock grains tell waiting orders one way; a message lost to a crash is recovered here.
            foreach (var allocation in await Stock.Current(Order.Lines))
            {
                await Apply(new AllocateStockCommand(allocation, Actor.System, clock.GetUtcNow()));
            }
        }
    }

    public async Task<Outcome<OrderPlacement>> Place(PlaceOrder command)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = OrderGridTelemetry.Activities.StartActivity("order.place");
        var outcome = await PlaceOnce(command);
        activity?.SetTag("ordergrid.order.id", this.GetPrimaryKeyString());
        if (outcome.Value is { Replayed: false, Order: var order })
        {
            activity?.SetTag("ordergrid.order.status", order.Status.ToString());
            OrderGridTelemetry.PlacementDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            OrderGridTelemetry.OrdersPlaced.Add(1, new("channel", order.Channel.ToString()), new("status", order.Status.ToString()));
            if (order.Status == OrderStatus.Backordered)
            {
                OrderGridTelemetry.ReservationsShort.Add(1);
            }
        }

        return outcome;
    }

    private async Task<Outcome<OrderPlacement>> PlaceOnce(PlaceOrder command)
    {
        command = command with { Lines = command.Lines.IsDefault ? [] : command.Lines };
        var fingerprint = Fingerprint(command);
        if (Order.IsPlaced)
        {
            if (Order.RequestFingerprint != fingerprint)
            {
                return Refusal.Unprocessable("order.idempotency-key-reused", "This idempotency key was already used for a different order.");
            }

            // A retry after a failure part-way through placement finishes what the first attempt began.
            await Task.WhenAll(GrainFactory.GetGrain<ICustomerGrain>(Order.CustomerId).RecordOrder(Order.Id, Order.PlacedAt, Order.Email, Order.Phone), ResumePendingSteps());
            return new OrderPlacement(Order.ToView(), Replayed: true);
        }

        var (lines, invalid) = await OrderPricing.Price(GrainFactory, command, agreed: []);
        if (invalid is not null)
        {
            return invalid;
        }

        if (command.Fulfilment is { IsPickup: true } pickup && !await Stock.IsWarehouse(pickup.WarehouseId!))
        {
            return Refusal.Invalid("order.unknown-store", "The order is not valid.",
                ImmutableDictionary<string, string[]>.Empty.Add("fulfilment.warehouseId", [$"Unknown warehouse {pickup.WarehouseId}."]));
        }

        var total = lines.Sum(l => l.LineTotal);
        var rules = await GrainFactory.GetGrain<IRulesGrain>("default").List();
        var decisions = RuleEvaluation.Decide(rules, await PlacementFacts.Gather(GrainFactory, this.GetPrimaryKeyString(), command, total, rules));
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

        if (!state.RecordExists)
        {
            // Stored nowhere yet: neither can its outbox or its guest be, so their activations need not read.
            fresh.OrderNotStored(Order.Id, command.CustomerId);
        }

        var placed = await Apply(new PlaceOrderCommand(this.GetPrimaryKeyString(), command, lines, token, fingerprint, decisions, command.PlacedBy, clock.GetUtcNow(), catalog.Value.Currency));
        if (placed.Refusal is { } refusal)
        {
            return refusal;
        }

        // The customer's record and the reservation do not depend on each other: side by side, both before the answer.
        await Task.WhenAll(GrainFactory.GetGrain<ICustomerGrain>(command.CustomerId).RecordOrder(Order.Id, Order.PlacedAt, command.Email, command.Phone), ResumePendingSteps());
        return new OrderPlacement(Order.ToView(), Replayed: false);
    }

    // Reads interleave with every turn (a write in flight, a delivery waiting for the feed): they answer the stored
    // snapshot, an immutable record read in one synchronous step, and never await.
    public Task<OrderView?> Get()
    {
        var stored = _stored;
        return Task.FromResult(stored.IsPlaced ? stored.ToView() : null);
    }

    public Task<OrderView?> GetForCustomer(string trackingToken)
    {
        var stored = _stored;
        var matches = stored.IsPlaced && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(stored.TrackingToken), Encoding.UTF8.GetBytes(trackingToken ?? ""));
        return Task.FromResult(matches ? stored.ToView() : null);
    }

    public Task<Outcome<OrderView>> Approve(Actor by) => Run(new ApproveOrderCommand(by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> Reject(string reason, Actor by) => Run(new RejectOrderCommand(reason, by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> Cancel(string reason, Actor by) => Run(new CancelOrderCommand(reason, by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> IssuePickLists(Actor by) => Run(new IssuePickListsCommand(by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> MarkPicked(string pickListId, Actor by) => Run(new MarkPickedCommand(pickListId, by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> MarkPacked(string pickListId, Actor by) => Run(new MarkPackedCommand(pickListId, by, clock.GetUtcNow()));

    public async Task<Outcome<ShippingLabel>> Ship(string pickListId, string? carrier, Actor by)
    {
        var carriers = fulfilment.Value.Carriers;
        var chosen = string.IsNullOrWhiteSpace(carrier) ? carriers[0] : carriers.FirstOrDefault(c => string.Equals(c, carrier, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return Refusal.Invalid("shipment.unknown-carrier", $"Unknown carrier '{carrier}'. Carriers: {string.Join(", ", carriers)}.");
        }

        // A retried ship (its answer lost in transit) gets the label it was given the first time.
        if (Order.Shipments.FirstOrDefault(s => s.PickListId == pickListId) is { } shipped)
        {
            return new ShippingLabel(shipped.ShipmentId, shipped.Carrier, shipped.TrackingNumber);
        }

        var label = new ShippingLabel(OrderIds.NewShipmentId(), chosen, TrackingNumber(chosen));
        var outcome = await Run(new ShipPickListCommand(pickListId, label, by, clock.GetUtcNow()));
        return outcome.Refusal is { } refusal ? refusal : label;
    }

    public async Task FollowShipment(ShipmentProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Shipment is { } shipment)
        {
            HeardOf(shipment);
        }

        await Run(new FollowShipmentCommand(progress.ShipmentId, progress.Event, progress.Event.By, progress.Event.RecordedAt, progress.EventNumber));
        if (Order.Status == OrderStatus.Delivered)
        {
            await this.RegisterOrUpdateReminder(CompletionReminder, fulfilment.Value.CompleteAfter, TimeSpan.FromHours(1));
        }
    }

    public async Task StockAllocated(Allocation allocation)
    {
        // The news can be overtaken by the order's own later change there (a modification that gave those units
        // back): what the stock holds for the order now is recorded, never the message's older numbers.
        var now = await GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(allocation.WarehouseId, allocation.Sku)).AllocationFor(Order.Id);
        await Apply(new AllocateStockCommand(now, Actor.System, clock.GetUtcNow()));
    }

    public async Task ExpectedDayChanged(string sku)
    {
        var waiting = Order.Lines.FirstOrDefault(l => l.Sku == sku)?.Allocations.Where(a => a.Backordered > 0).ToArray() ?? [];
        if (waiting.Length == 0)
        {
            return;
        }

        // The line's day is the latest of its warehouses' (as the tracking page shows it); none while one has no date.
        var days = await Task.WhenAll(waiting.Select(a => GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(a.WarehouseId, sku)).ExpectedFor(Order.Id)));
        await Apply(new RecordExpectedDayCommand(sku, days.Any(d => d is null) ? null : days.Max(), Actor.System, clock.GetUtcNow()));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var due = Order.DeliveredAt + fulfilment.Value.CompleteAfter - clock.GetUtcNow();
        if (Order.Status == OrderStatus.Delivered && due > TimeSpan.Zero)
        {
            // The carrier's clock ran ahead of ours: come back when the time is really up.
            await this.RegisterOrUpdateReminder(CompletionReminder, due.Value, TimeSpan.FromHours(1));
            return;
        }

        if (Order.Status == OrderStatus.Delivered)
        {
            await Apply(new CompleteOrderCommand(Actor.System, clock.GetUtcNow()));
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<Outcome<OrderView>> Run(OrderCommand command)
    {
        var result = await Apply(command);
        if (result.Refusal is { } refusal)
        {
            return refusal;
        }

        await ResumePendingSteps();
        return Order.ToView();
    }

    /// <summary>Decides, and when the decision changes the order, writes it before anyone hears of it.</summary>
    private async Task<LifecycleResult> Apply(OrderCommand command)
    {
        var result = OrderLifecycle.Decide(Order, command);
        if (!result.Accepted || ReferenceEquals(result.State, Order))
        {
            return result;
        }

        var previous = state.State;
        if (previous.Steps.IsEmpty && !result.State.Steps.IsEmpty)
        {
            // Durable before the state that records the step: a crash after the write still finds the order.
            await unfinished.Mark(previous.Id);
        }

        state.State = result.State;
        try
        {
            await state.WriteStateAsync();
            _stored = Order;
        }
        catch
        {
            // Never answer from a change that was not stored: forget it and reload on the next call.
            state.State = previous;
            DeactivateOnIdle();
            throw;
        }

        // The mark goes once the change is delivered too: a crash before that still finds the order, which delivers on activation.
        _unmarkWhenDelivered |= !previous.Steps.IsEmpty && Order.Steps.IsEmpty;
        _wallBehind |= result.Changed;
        if (result.Changed || _unmarkWhenDelivered)
        {
            DeliverAfterAnswer();
        }

        return result;
    }

    /// <summary>Keeps the newest view of a shipment heard of (by its events), to carry with the order's changes.</summary>
    private void HeardOf(ShipmentView shipment)
    {
        if (!_shipments.TryGetValue(shipment.Id, out var known) || known.Events.Length <= shipment.Events.Length)
        {
            _shipments[shipment.Id] = shipment;
        }
    }

    /// <summary>
    /// Delivers in a turn of its own after the answer, so no caller waits on the consumers (read model, pushes,
    /// notifications), and the changes of one call (placed, then reserved) go out together. Until then the stored
    /// published version lags and the unfinished-orders mark stays, so a crash in between still delivers.
    /// </summary>
    private void DeliverAfterAnswer() =>
        _delivery ??= this.RegisterGrainTimer(DeliverNow, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private async Task DeliverNow()
    {
        _delivery?.Dispose();
        _delivery = null;
        if (_wallBehind)
        {
            _wallBehind = false;
            GrainFactory.GetGrain<IOrderWallGrain>("default").Track(new OrderStatusChange(
                Order.Id, Order.Channel, Order.Status, Order.Version, Order.PlacedAt, Order.UpdatedAt)).Ignore();
        }

        await DeliverChanges();
        if (_unmarkWhenDelivered && Order.Steps.IsEmpty && Order.PublishedVersion >= Order.Version)
        {
            _unmarkWhenDelivered = false;
            unfinished.Finished(Order.Id);
        }
    }

    /// <summary>
    /// Delivers the outbox (timeline entries after the published version). A failed delivery does not undo the
    /// change, which is already written: a timer tries again until the consumers have it.
    /// </summary>
    private async Task DeliverChanges()
    {
        if (Order.PublishedVersion >= Order.Version)
        {
            return;
        }

        try
        {
            await feed.Publish(new OrderChanged(Order.ToView(), Order.PublishedVersion, [.. _shipments.Values]));
            // Kept in memory only (the next write stores it); the snapshot follows, as no write is in flight here.
            state.State = Order with { PublishedVersion = Order.Version };
            _stored = Order;
            _redelivery?.Dispose();
            _redelivery = null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.DeliveryFailed(failure, Order.Id, Order.Version);
            _redelivery ??= this.RegisterGrainTimer(DeliverChanges, new GrainTimerCreationOptions(RetryDelivery, RetryDelivery) { KeepAlive = true });
        }
    }

    /// <summary>
    /// Carries out the steps the order has recorded as begun (reserve, release, dispatch, collect, changes). When one
    /// fails — the database or a stock grain unreachable — the caller hears of it, and a timer tries again until
    /// every step is done, so an order whose stock step failed finishes by itself once the store is back.
    /// </summary>
    private async Task ResumePendingSteps()
    {
        try
        {
            await RunPendingSteps();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            _resumption ??= this.RegisterGrainTimer(RetryPendingSteps, new GrainTimerCreationOptions(RetryDelivery, RetryDelivery) { KeepAlive = true });
            throw;
        }
    }

    private async Task RetryPendingSteps()
    {
        try
        {
            await RunPendingSteps();
            _resumption?.Dispose();
            _resumption = null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.StepsFailed(failure, Order.Id);
        }
    }

    /// <summary>Runs the order's steps in their order, each recorded done before the next begins.</summary>
    private async Task RunPendingSteps()
    {
        while (Order.Steps is [var step, ..])
        {
            var answer = await Perform(step);
            await Apply(new StepDoneCommand(step, answer, Actor.System, clock.GetUtcNow()));
            if (Order.Steps.Contains(step))
            {
                throw new InvalidOperationException($"Order {Order.Id}: the answer to {step} was not accepted.");
            }
        }
    }

    /// <summary>One step against the grains it concerns; answers what the stock grains answered, when it matters.</summary>
    private async Task<ImmutableArray<Allocation>> Perform(OrderStep step)
    {
        switch (step)
        {
            case ReserveStock:
                return await Stock.Reserve(Order.Lines, Order.PlacedAt, Order.PreferredWarehouse, Order.ExcludedWarehouses, Order.Priority, PickupStore);
            case ReleaseStock:
                await Stock.Release(Order.Lines);
                return [];
            case DispatchPickList dispatch:
                var pickList = Order.PickLists.First(p => p.Id == dispatch.PickListId);
                var link = Order.Shipments.First(s => s.PickListId == dispatch.PickListId);
                var created = await GrainFactory.GetGrain<IShipmentGrain>(link.ShipmentId).Create(new NewShipment(
                    Order.Id, pickList.Id, pickList.WarehouseId, link.Carrier, link.TrackingNumber, pickList.Lines, Order.ShipTo!, Order.UpdatedAt));
                HeardOf(created);
                return await Stock.Dispatch(pickList);
            case DispatchCollected collection:
                await Stock.Dispatch(Order.PickLists.First(p => p.Id == collection.PickListId));
                return [];
            case ReturnStock giveBack:
                await Stock.Return(giveBack.Skus);
                return [];
            case AdjustReservation:
                // Only an order still holding stock moves its reservation; otherwise the step is only acknowledged.
                return Order.Status is OrderStatus.Reserved or OrderStatus.Backordered
                    ? await Stock.Adjust(Order.Lines, Order.PlacedAt, Order.PreferredWarehouse, Order.ExcludedWarehouses, Order.Priority, PickupStore)
                    : [];
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "Unknown order step.");
        }
    }

    public async Task ResumeSteps()
    {
        if (Order.Steps.IsEmpty)
        {
            // Undelivered changes keep the mark: the redelivery timer is at work, and the next sweep asks again.
            if (Order.PublishedVersion >= Order.Version)
            {
                unfinished.Finished(Order.Id);
            }

            return;
        }

        await ResumePendingSteps();
    }

    public Task<Outcome<OrderView>> MarkReadyForPickup(string pickListId, Actor by) => Run(new MarkReadyForPickupCommand(pickListId, by, clock.GetUtcNow()));

    public async Task<Outcome<OrderView>> MarkCollected(string pickListId, Actor by)
    {
        var outcome = await Run(new MarkCollectedCommand(pickListId, by, clock.GetUtcNow()));
        if (outcome.Refusal is null)
        {
            await this.RegisterOrUpdateReminder(CompletionReminder, fulfilment.Value.CompleteAfter, TimeSpan.FromHours(1));
        }

        return outcome;
    }

    public async Task<Outcome<OrderView>> Modify(ModifyOrder change, Actor by)
    {
        if (!Order.IsPlaced)
        {
            return Refusal.NotFound("order.not-found", $"Order {this.GetPrimaryKeyString()} does not exist.");
        }

        var request = new PlaceOrder(Order.CustomerId, Order.Email, Order.Phone, Order.Channel,
            change.Lines.IsDefaultOrEmpty ? [.. Order.Lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))] : change.Lines,
            change.ShipTo ?? Order.ShipTo, by, Order.Fulfilment);
        var (lines, invalid) = await OrderPricing.Price(GrainFactory, request, Order.Lines);
        if (invalid is not null)
        {
            return invalid;
        }

        var rules = await GrainFactory.GetGrain<IRulesGrain>("default").List();
        var decisions = RuleEvaluation.Decide(rules, await PlacementFacts.Gather(GrainFactory, Order.Id, request, lines.Sum(l => l.LineTotal), rules));
        return await Run(new ModifyOrderCommand(lines, request.ShipTo, change.Correction, decisions, by, clock.GetUtcNow()));
    }

    public Task<Outcome<OrderView>> Split(Actor by) => Run(new SplitOrderCommand(by, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> WaitForStock(Actor by) => Run(new WaitForStockCommand(by, clock.GetUtcNow()));

    public async Task<Outcome<OrderView>> DropMissingLines(Actor by)
    {
        var command = new DropMissingLinesCommand([], by, clock.GetUtcNow());
        if (OrderLifecycle.Check(Order, command) is { Refusal: { } refusal })
        {
            return refusal;
        }

        // The rules run again on what would be kept, as for any modification.
        var kept = OrderLifecycle.KeptWhenDropping(Order);
        var request = new PlaceOrder(Order.CustomerId, Order.Email, Order.Phone, Order.Channel,
            [.. kept.Select(l => new OrderLineRequest(l.Sku, l.Quantity))], Order.ShipTo, by, Order.Fulfilment);
        var rules = await GrainFactory.GetGrain<IRulesGrain>("default").List();
        var decisions = RuleEvaluation.Decide(rules, await PlacementFacts.Gather(GrainFactory, Order.Id, request, kept.Sum(l => l.LineTotal), rules));
        return await Run(command with { Decisions = decisions });
    }

    private static string Fingerprint(PlaceOrder command) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command with { PlacedBy = Actor.System })));

    internal static string TrackingNumber(string carrier)
    {
        var prefix = new string([.. carrier.Where(char.IsAsciiLetter).Take(2).Select(char.ToUpperInvariant)]).PadRight(2, 'X');
        return $"{prefix}{RandomNumberGenerator.GetInt32(0, 1_000_000_000):D9}GB";
    }

    public Task<Outcome<OrderView>> RecordAfterSales(AfterSalesNote note) =>
        Run(new RecordAfterSalesCommand(note, note.By, clock.GetUtcNow()));

    public Task<Outcome<OrderView>> Merge(string mergeId, ImmutableArray<string> with, Actor by) =>
        Run(new MergeOrderCommand(mergeId, with, by, clock.GetUtcNow()));

    public async Task<Outcome<ShippingLabel>> ShipMerged(string mergeId, string pickListId, ShippingLabel label, Actor by)
    {
        if (Order.Shipments.FirstOrDefault(s => s.PickListId == pickListId) is { } shipped)
        {
            return new ShippingLabel(shipped.ShipmentId, shipped.Carrier, shipped.TrackingNumber);
        }

        var outcome = await Run(new ShipMergedCommand(mergeId, pickListId, label, by, clock.GetUtcNow()));
        return outcome.Refusal is { } refusal ? refusal : label;
    }
}