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
    [Id(0)] public int OnHand { get; init; }
    [Id(2)] public ImmutableDictionary<string, StockEntry> Orders { get; init; } = ImmutableDictionary<string, StockEntry>.Empty;

    /// <summary>Grows with every change; an order ignores news older than what it already knows.</summary>
    [Id(3)] public long Version { get; init; }

    /// <summary>Recently applied receipt and adjustment ids, so a retried one is applied once.</summary>
    [Id(4)] public ImmutableQueue<string> RecentOperations { get; init; } = ImmutableQueue<string>.Empty;

    /// <summary>Purchase orders by id: the open ones, and the most recently closed, so a retry is not ordered again.</summary>
    [Id(5)] public ImmutableDictionary<string, PurchaseOrder> PurchaseOrders { get; init; } = ImmutableDictionary<string, PurchaseOrder>.Empty;

    /// <summary>Ids of the closed purchase orders still remembered, oldest closed first.</summary>
    [Id(6)] public ImmutableQueue<string> ClosedPurchaseOrders { get; init; } = ImmutableQueue<string>.Empty;

    public int Reserved => Orders.Values.Sum(o => o.Reserved);

    public int Backordered => Orders.Values.Sum(o => o.Backordered);

    public int Available => OnHand - Reserved;

    public int Incoming => PurchaseOrders.Values.Sum(o => o.Outstanding);
}