using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;

namespace OrderGrid.Orders;

/// <summary>The persisted state of one order. Changed only through <see cref="OrderLifecycle"/>.</summary>
[GenerateSerializer, Alias("og.order-state")]
public sealed record OrderState
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public OrderStatus Status { get; init; }
    [Id(2)] public SalesChannel Channel { get; init; }
    [Id(3)] public string CustomerId { get; init; } = "";
    [Id(4)] public string? Email { get; init; }
    [Id(5)] public string? Phone { get; init; }
    [Id(6)] public Address? ShipTo { get; init; }
    [Id(7)] public ImmutableArray<OrderLine> Lines { get; init; } = [];
    [Id(8)] public ImmutableArray<OrderHold> Holds { get; init; } = [];
    [Id(9)] public ImmutableArray<PickList> PickLists { get; init; } = [];
    [Id(10)] public ImmutableArray<ShipmentLink> Shipments { get; init; } = [];
    [Id(11)] public ImmutableArray<TimelineEntry> Timeline { get; init; } = [];
    [Id(12)] public string TrackingToken { get; init; } = "";
    [Id(13)] public DateTimeOffset PlacedAt { get; init; }
    [Id(14)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A digest of the placing request, so an idempotent retry can be told from a different request.</summary>
    [Id(15)] public string RequestFingerprint { get; init; } = "";

    [Id(19)] public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>
    /// Timeline entries up to here are known delivered to the consumers; later ones are the outbox, delivered
    /// again after a crash. Advanced in memory after delivery and persisted with the next write.
    /// </summary>
    [Id(20)] public long PublishedVersion { get; init; }

    [Id(21)] public OrderPriority Priority { get; init; }

    [Id(22)] public bool SignatureRequired { get; init; }

    /// <summary>Sourcing tries this warehouse first (a rule chose it).</summary>
    [Id(23)] public string? PreferredWarehouse { get; init; }

    /// <summary>Sourcing leaves these warehouses out (rules excluded them).</summary>
    [Id(24)] public ImmutableArray<string> ExcludedWarehouses { get; init; } = [];

    /// <summary>The staff member who entered the order for the customer (phone, email, store); null for the customer's own.</summary>
    [Id(25)] public Actor? EnteredBy { get; init; }

    [Id(26)] public Fulfilment Fulfilment { get; init; } = Fulfilment.Delivery;

    /// <summary>The merge the order ships with (see <see cref="OrderLifecycle"/>); null when it ships on its own.</summary>
    [Id(32)] public string? MergeId { get; init; }

    /// <summary>The ISO 4217 currency of the order's amounts, the catalog's when it was placed; null for orders placed before it was kept.</summary>
    [Id(50)] public string? Currency { get; init; }

    /// <summary>Ids of the after-sales notes already on the timeline, so each is written once.</summary>
    [Id(45)] public ImmutableArray<string> AfterSalesNotes { get; init; } = [];

    /// <summary>Refunds recorded on the order (units the customer dropped when stock was short).</summary>
    [Id(46)] public ImmutableArray<OrderRefund> Refunds { get; init; } = [];

    /// <summary>The expected day last noted on the timeline for each waiting SKU, so a day is noted once.</summary>
    /// <remarks>A list, not a dictionary: Orleans' JSON storage (memory storage) cannot read an immutable dictionary
    /// back. Id 47 held that dictionary for a day and stays unused.</remarks>
    [Id(49)] public ImmutableArray<ExpectedDay> ExpectedDays { get; init; } = [];

    /// <summary>
    /// The steps decisions left for the grain to carry out (reserve, release, dispatch, …), in the order they are to run;
    /// each leaves the list when its answer is recorded (<see cref="StepDoneCommand"/>).
    /// </summary>
    [Id(48)] public ImmutableArray<OrderStep> Steps { get; init; } = [];

    // The six fields that held the pending steps before the step list: read from state stored by earlier versions,
    // moved into Steps when the order loads (OrderLifecycle.Upgrade), never set again. Their ids stay reserved.
    [Id(16)] public bool LegacyReservationPending { get; init; }

    [Id(17)] public bool LegacyReleasePending { get; init; }

    [Id(18)] public ImmutableArray<string> LegacyDispatchPending { get; init; } = [];

    [Id(27)] public ImmutableArray<string> LegacyCollectionPending { get; init; } = [];

    [Id(30)] public ImmutableArray<string> LegacyStockToReturn { get; init; } = [];

    [Id(31)] public bool LegacyAdjustmentPending { get; init; }

    public bool IsPlaced => !Timeline.IsEmpty;

    public long Version => Timeline.IsEmpty ? 0 : Timeline[^1].Sequence;

    public decimal Total => Lines.Sum(l => l.LineTotal);

    public OrderView ToView() => new(
        Id,
        Status,
        TrackingToken,
        Channel,
        CustomerId,
        Email,
        Phone,
        ShipTo,
        [.. Lines.Select(l => new OrderLineView(
            l.Sku, l.Name, l.Quantity, l.UnitPrice, l.LineTotal, l.Reserved, l.Backordered,
            [.. l.Allocations.Select(a => new LineAllocationView(a.WarehouseId, a.Reserved, a.Backordered))]))],
        Total,
        Holds,
        PickLists,
        Shipments,
        Timeline,
        PlacedAt,
        UpdatedAt,
        Version,
        Priority,
        SignatureRequired,
        EnteredBy,
        Fulfilment)
    {
        AllowedActions = OrderActions.ForStaff(this),
        CustomerActions = OrderActions.ForCustomer(this),
        PickListActions = OrderActions.ForPickLists(this),
        ShipmentActions = OrderActions.ForShipments(this),
        MergeId = MergeId,
        Refunds = Refunds,
    };
}