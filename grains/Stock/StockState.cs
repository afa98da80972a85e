using System.Collections.Immutable;

namespace OrderGrid.Stock;

/// <summary>
/// Stock of one SKU in one warehouse. <c>Reserved</c> is always the sum of the orders' reservations, and
/// <c>OnHand ≥ Reserved</c>: nothing is promised that is not on the shelf. Id 1 held a stored incoming count
/// (always 0); incoming is now what the open purchase orders still owe, and the id is not reused.
/// </summary>
[GenerateSerializer, Alias("og.stock-state")]
public sealed record StockState
{
    [Id(2)] private ImmutableDictionary<string, StockEntry> orders = ImmutableDictionary<string, StockEntry>.Empty;

    // The sums over the orders, kept so that a SKU with thousands of orders does not add them up on every request.
    // Not stored: unknown after loading (and whenever Orders is replaced wholesale), then summed once.
    [NonSerialized] private (int Reserved, int Backordered, int Held)? totals;

    [Id(0)] public int OnHand { get; init; }

    public ImmutableDictionary<string, StockEntry> Orders
    {
        get => orders;
        init
        {
            orders = value;
            totals = null;
        }
    }

    /// <summary>Grows with every change; an order ignores news older than what it already knows.</summary>
    [Id(3)] public long Version { get; init; }

    /// <summary>Recently applied receipt and adjustment ids, so a retried one is applied once.</summary>
    [Id(4)] public ImmutableQueue<string> RecentOperations { get; init; } = ImmutableQueue<string>.Empty;

    /// <summary>Purchase orders by id: the open ones, and the most recently closed, so a retry is not ordered again.</summary>
    [Id(5)] public ImmutableDictionary<string, PurchaseOrder> PurchaseOrders { get; init; } = ImmutableDictionary<string, PurchaseOrder>.Empty;

    /// <summary>Ids of the closed purchase orders still remembered, oldest closed first.</summary>
    [Id(6)] public ImmutableQueue<string> ClosedPurchaseOrders { get; init; } = ImmutableQueue<string>.Empty;

    public int Reserved => Totals.Reserved;

    public int Backordered => Totals.Backordered;

    /// <summary>The part of <see cref="Reserved"/> that carts hold (not yet orders).</summary>
    public int Held => Totals.Held;

    public int Available => OnHand - Reserved;

    public int Incoming => PurchaseOrders.Values.Sum(o => o.Outstanding);

    private (int Reserved, int Backordered, int Held) Totals =>
        totals ??= (orders.Values.Sum(o => o.Reserved), orders.Values.Sum(o => o.Backordered), orders.Values.Where(o => o.Hold).Sum(o => o.Reserved));

    /// <summary>This state with one order's entry replaced (null removes it), the sums moved by the difference.</summary>
    public StockState WithEntry(string orderId, StockEntry? entry)
    {
        var (reserved, backordered, held) = Totals;
        var old = orders.GetValueOrDefault(orderId);
        var next = this with { Orders = entry is null ? orders.Remove(orderId) : orders.SetItem(orderId, entry) };
        next.totals = (
            reserved - (old?.Reserved ?? 0) + (entry?.Reserved ?? 0),
            backordered - (old?.Backordered ?? 0) + (entry?.Backordered ?? 0),
            held - HeldBy(old) + HeldBy(entry));
        return next;
    }

    private static int HeldBy(StockEntry? entry) => entry is { Hold: true } ? entry.Reserved : 0;
}