using System.Collections.Immutable;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Demo;

/// <summary>
/// Simulated customers, warehouse staff, carriers and a supplier, driven by a grain timer. Each tick places the orders
/// the pace owes, then takes the next step on each followed order that is due, then has the supplier deliver the
/// stock that waiting orders need and the purchase orders that are due. It only calls the grains the API calls. Kept
/// in memory: after a restart the host's starter wakes it, and the orders it left behind stay where they are, as they
/// would if the staff went home.
/// </summary>
[GrainType("demo-traffic")]
public sealed class DemoTrafficGrain(
    IOptions<DemoTrafficOptions> options,
    IOptions<FulfilmentOptions> fulfilment,
    TimeProvider clock,
    ILogger<DemoTrafficGrain> logger) : Grain, IDemoTrafficGrain
{
    /// <summary>Who the timelines say did what the simulator did.</summary>
    public static Actor Actor { get; } = Actor.Staff("demo-simulator");

    // Bounds: the followed set and the work of one tick stay small whatever the pace and however long it runs.
    private const int MaxFollowed = 1_000;
    private const int MaxStepsPerTick = 200;
    private const int MaxPlacementsPerTick = 20;
    private const int CatalogPageSize = 500;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan CatalogRefresh = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, FollowedOrder> _followed = new(StringComparer.Ordinal);
    private readonly Random _random = options.Value.RandomSeed is { } seed ? new Random(seed) : new Random();
    private ImmutableArray<Product> _range = [];
    private int? _rangeSeed;
    private DateTimeOffset _rangeReadAt;
    private bool _toldNoProducts;
    private IGrainTimer? _timer;
    private Task _tick = Task.CompletedTask;
    private DemoSupplier? _supplier;
    private int _ordersPerMinute = options.Value.OrdersPerMinute;
    private long _placed;
    private double _owed;
    private DateTimeOffset _lastTick;

    private DemoSimulation Current => new(_timer is not null, _ordersPerMinute, _placed);

    private DemoSupplier Supplier => _supplier ??= new DemoSupplier(GrainFactory, _random, Scale, logger);

    public Task<Outcome<DemoSimulation>> Start(int? ordersPerMinute)
    {
        if (ordersPerMinute is { } pace && Invalid(pace) is { } refusal)
        {
            return Task.FromResult<Outcome<DemoSimulation>>(refusal);
        }

        _ordersPerMinute = ordersPerMinute ?? _ordersPerMinute;
        if (_timer is null)
        {
            _lastTick = clock.GetUtcNow();
            var every = options.Value.TickInterval;
            _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
            logger.Started(_ordersPerMinute);
        }

        return Task.FromResult<Outcome<DemoSimulation>>(Current);
    }

    public async Task<DemoSimulation> Stop()
    {
        if (_timer is { } timer)
        {
            timer.Dispose();
            _timer = null;
            logger.Stopped(_placed);
        }

        // A tick under way finishes first, so that nothing is placed after Stop has answered.
        await _tick;
        return Current;
    }

    public Task<Outcome<DemoSimulation>> SetPace(int ordersPerMinute)
    {
        if (Invalid(ordersPerMinute) is { } refusal)
        {
            return Task.FromResult<Outcome<DemoSimulation>>(refusal);
        }

        _ordersPerMinute = ordersPerMinute;
        return Task.FromResult<Outcome<DemoSimulation>>(Current);
    }

    public Task<DemoSimulation> Status() => Task.FromResult(Current);

    private static Refusal? Invalid(int ordersPerMinute) =>
        ordersPerMinute is >= DemoSimulation.MinOrdersPerMinute and <= DemoSimulation.MaxOrdersPerMinute
            ? null
            : Refusal.Invalid("demo.invalid-pace", "The pace is out of range.", ImmutableDictionary<string, string[]>.Empty.Add(
                "ordersPerMinute", [$"Must be between {DemoSimulation.MinOrdersPerMinute} and {DemoSimulation.MaxOrdersPerMinute}."]));

    private Task Tick()
    {
        _tick = RunTick();
        return _tick;
    }

    private async Task RunTick()
    {
        var now = clock.GetUtcNow();
        try
        {
            await ReadRange(now);
            PlanPlacements(now);
            var due = _followed.Values.Where(f => f.DueAt <= now).OrderBy(f => f.DueAt).Take(MaxStepsPerTick).ToArray();
            await Task.WhenAll(due.Select(f => Advance(f, now)));
            await Supplier.DeliverDue(now);
            await Supplier.DeliverPurchaseOrders(_range, now);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.TickFailed(failure);
        }
    }

    /// <summary>The catalog, best sellers first: the same products stay best sellers for the life of the simulator.</summary>
    private async Task ReadRange(DateTimeOffset now)
    {
        if (!_range.IsEmpty && now - _rangeReadAt < CatalogRefresh)
        {
            return;
        }

        var catalog = GrainFactory.GetGrain<ICatalogGrain>("default");
        var products = new List<Product>();
        for (var page = 1; ; page++)
        {
            var batch = await catalog.Page(page, CatalogPageSize, search: null);
            products.AddRange(batch.Items);
            if (batch.Items.Length < CatalogPageSize || products.Count >= batch.Total)
            {
                break;
            }
        }

        var ranked = products.OrderBy(p => p.Sku, StringComparer.Ordinal).ToArray();
        new Random(_rangeSeed ??= _random.Next()).Shuffle(ranked);
        if (ranked.Length == 0 && !_toldNoProducts)
        {
            logger.NoProducts();
        }

        _toldNoProducts = ranked.Length == 0;
        _range = [.. ranked];
        _rangeReadAt = now;
    }

    private void PlanPlacements(DateTimeOffset now)
    {
        var elapsed = now - _lastTick;
        _lastTick = now;
        if (_range.IsEmpty)
        {
            _owed = 0;
            return;
        }

        // A long pause (a busy silo, a debugger) does not come back as a burst: at most MaxPlacementsPerTick are owed.
        _owed = Math.Min(_owed + (_ordersPerMinute * Math.Max(elapsed.TotalMinutes, 0)), MaxPlacementsPerTick);
        while (_owed >= 1 && _followed.Count < MaxFollowed)
        {
            _owed--;
            var order = DemoShoppers.Next(_random, _range, fulfilment.Value.Carriers);
            var orderId = OrderIds.New();
            _followed[orderId] = new FollowedOrder(orderId, order.Traits, order.Command, now, now);
        }
    }

    private async Task Advance(FollowedOrder followed, DateTimeOffset now)
    {
        var action = DemoAction.Place;
        try
        {
            // An order stuck this long (or a placement failing this long) is left for people to look at.
            if (now - followed.Since > Scale(GiveUpAfter))
            {
                _followed.Remove(followed.OrderId);
                return;
            }

            if (followed.Unplaced is { } command)
            {
                await Place(followed, command, now);
                return;
            }

            var order = await GrainFactory.GetGrain<IOrderGrain>(followed.OrderId).Get();
            if (order is null)
            {
                _followed.Remove(followed.OrderId);
                return;
            }

            var link = order.Shipments.FirstOrDefault(s => s.Status != ShipmentStatus.Delivered);
            var shipment = link is null ? null : await GrainFactory.GetGrain<IShipmentGrain>(link.ShipmentId).Get();
            var step = DemoOperations.Next(order, shipment, followed.Traits, _random);
            action = step.Action;
            if (step.Action == DemoAction.StopFollowing)
            {
                _followed.Remove(followed.OrderId);
                return;
            }

            if (await Perform(order, followed.Traits, step, now) is { } refusal)
            {
                // Someone else moved the order meanwhile (staff on the wall): the next look decides again.
                logger.StepRefused(step.Action, order.Id, refusal.Message);
            }

            _followed[followed.OrderId] = followed with { DueAt = now + Scale(step.Then) };
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.StepFailed(failure, action, followed.OrderId);
            _followed[followed.OrderId] = followed with { DueAt = now + Scale(RetryAfter) };
        }
    }

    /// <summary>Places the order under its own id: a retry after a lost answer replays the placement instead of placing another.</summary>
    private async Task Place(FollowedOrder followed, PlaceOrder command, DateTimeOffset now)
    {
        var placed = await GrainFactory.GetGrain<IOrderGrain>(followed.OrderId).Place(command);
        if (placed.Refusal is { } refusal)
        {
            logger.StepRefused(DemoAction.Place, followed.OrderId, refusal.Message);
            _followed.Remove(followed.OrderId);
            return;
        }

        _placed++;
        var status = placed.Value!.Order.Status;
        _followed[followed.OrderId] = followed with { Unplaced = null, DueAt = now + Scale(DemoOperations.AfterPlacing(status, _random)) };
    }

    /// <returns>The refusal of the grain that was asked, or null.</returns>
    private async Task<Refusal?> Perform(OrderView order, DemoOrderTraits traits, DemoStep step, DateTimeOffset now)
    {
        var grain = GrainFactory.GetGrain<IOrderGrain>(order.Id);
        switch (step.Action)
        {
            case DemoAction.Approve:
                return (await grain.Approve(Actor)).Refusal;
            case DemoAction.IssuePickLists:
                return (await grain.IssuePickLists(Actor)).Refusal;
            case DemoAction.MarkPicked:
                return (await grain.MarkPicked(step.PickListId!, Actor)).Refusal;
            case DemoAction.MarkPacked:
                return (await grain.MarkPacked(step.PickListId!, Actor)).Refusal;
            case DemoAction.Ship:
                return (await grain.Ship(step.PickListId!, traits.Carrier, Actor)).Refusal;
            case DemoAction.Track:
                var scan = new TrackingEvent(step.Status!.Value, step.Location, now, now, Actor);
                return (await GrainFactory.GetGrain<IShipmentGrain>(step.ShipmentId!).Record(scan)).Refusal;
            case DemoAction.Restock:
                Supplier.OrderMissingStock(order, now);
                return null;
            default:
                return null;
        }
    }

    private TimeSpan Scale(TimeSpan inLife) => inLife / options.Value.TimeScale;
}