using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;

namespace OrderGrid.Orders;

/// <summary>Everything staff see of an order.</summary>
/// <param name="Version">The sequence of the newest timeline entry.</param>
/// <param name="Priority">Set by automation rules; normal unless one says otherwise.</param>
/// <param name="SignatureRequired">A rule asked for a signature on delivery.</param>
/// <param name="ShipTo">Null only for a pickup placed without an address.</param>
/// <param name="EnteredBy">The staff member who entered the order (phone, email, store), null for a customer's own order.</param>
[GenerateSerializer, Immutable, Alias("og.order-view")]
public sealed record OrderView(
    [property: Id(0)] string Id,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] string TrackingToken,
    [property: Id(3)] SalesChannel Channel,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] string? Email,
    [property: Id(6)] string? Phone,
    [property: Id(7)] Address? ShipTo,
    [property: Id(8)] ImmutableArray<OrderLineView> Lines,
    [property: Id(9)] decimal Total,
    [property: Id(10)] ImmutableArray<OrderHold> Holds,
    [property: Id(11)] ImmutableArray<PickList> PickLists,
    [property: Id(12)] ImmutableArray<ShipmentLink> Shipments,
    [property: Id(13)] ImmutableArray<TimelineEntry> Timeline,
    [property: Id(14)] DateTimeOffset PlacedAt,
    [property: Id(15)] DateTimeOffset UpdatedAt,
    [property: Id(16)] long Version,
    [property: Id(17)] OrderPriority Priority = OrderPriority.Normal,
    [property: Id(18)] bool SignatureRequired = false,
    [property: Id(25)] Actor? EnteredBy = null,
    [property: Id(26)] Fulfilment? Fulfilment = null)
{
    /// <summary>What staff may do with the whole order now (from its transition table).</summary>
    [Id(27)] public ImmutableArray<OrderAction> AllowedActions { get; init; } = [];

    /// <summary>What the holder of the tracking link may do with the order now.</summary>
    [Id(28)] public ImmutableArray<OrderAction> CustomerActions { get; init; } = [];

    /// <summary>The moves each pick list may make now, one entry per pick list.</summary>
    [Id(29)] public ImmutableArray<PickListActions> PickListActions { get; init; } = [];

    /// <summary>The carrier events each shipment may take now, one entry per shipment.</summary>
    [Id(30)] public ImmutableArray<ShipmentActions> ShipmentActions { get; init; } = [];

    /// <summary>The merge the order ships with (<c>GET /api/merges/{id}</c>: its steps), or null.</summary>
    [Id(31)] public string? MergeId { get; init; }

    /// <summary>Refunds recorded on the order itself (units dropped when stock was short); returns keep their own.</summary>
    [Id(32)] public ImmutableArray<OrderRefund> Refunds { get; init; } = [];
}