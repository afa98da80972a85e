using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Wall;

/// <summary>
/// The operations wall. Kept in memory: it holds no truth of its own. On activation it starts from the read model
/// (when the silo has one) and from the stock grains' levels of every catalog product in every warehouse (so stock
/// that ran out before it started shows too), and then follows the news of every order and stock-out.
/// </summary>
[GrainType("order-wall")]
public sealed class OrderWallGrain(
    TimeProvider clock,
    IOptions<WallOptions> options,
    IOptions<CatalogOptions> catalog,
    IServiceProvider services) : Grain, IOrderWallGrain
{
    /// <summary>How often time alone changes the wall (the minute chart moves on, orders become stuck).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    // A thousand revisions per millisecond since 1970: above anything an earlier activation reached.
    private readonly WallBoard _board = new(clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
    private WallSnapshot? _shown;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IOrderWallHistory>() is { } history)
        {
            _board.Load(await history.Load(clock.GetUtcNow(), cancellationToken));
        }

        this.RegisterGrainTimer(() =>
        {
            _board.TimePassed();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(Tick, Tick) { KeepAlive = true });

        // Once, right after activation, interleaved with the requests so that the wall answers meanwhile: a level
        // read here and a newer one announced meanwhile meet by version on the board.
        this.RegisterGrainTimer(LoadStockOuts, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>Reads every catalog product's level in every warehouse, one warehouse at a time.</summary>
    private async Task LoadStockOuts(CancellationToken cancellationToken)
    {
        var products = await GrainFactory.GetGrain<ICatalogGrain>("default").All();
        var warehouses = await GrainFactory.GetGrain<IWarehouseDirectoryGrain>("default").List();
        var now = clock.GetUtcNow();
        foreach (var warehouse in warehouses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var levels = await Task.WhenAll(products.Select(p => GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(warehouse.Id, p.Sku)).GetLevel()));
            foreach (var level in levels.Where(StockOut.Is))
            {
                _board.TrackStock(level, now);
            }
        }
    }

    public Task Track(OrderStatusChange change)
    {
        _board.Track(change);
        return Task.CompletedTask;
    }

    public Task TrackStock(StockLevel level)
    {
        _board.TrackStock(level, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<OrderWallSummary> Summary() => Task.FromResult(_board.Summary(clock.GetUtcNow()));

    public Task<WallSnapshot> Snapshot() => Task.FromResult(Current());

    public Task<WallSnapshot?> SnapshotAfter(long revision) =>
        Task.FromResult(_board.Revision > revision ? Current() : null);

    // Every node asks about once a second: one picture per revision serves them all.
    private WallSnapshot Current()
    {
        if (_shown is null || _shown.Revision != _board.Revision)
        {
            _shown = _board.Snapshot(clock.GetUtcNow(), options.Value, catalog.Value.Currency);
        }

        return _shown;
    }

    public Task<ImmutableArray<QueuedOrder>> Queue(OrderStatus status, int limit) => Task.FromResult(_board.Queue(status, limit));
}