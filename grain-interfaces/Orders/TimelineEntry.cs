using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>One thing that happened to an order: what, when and who.</summary>
/// <param name="Sequence">1, 2, 3… per order; clients apply live updates in this order.</param>
/// <param name="Kind">Stable event code, e.g. <c>order.reserved</c>.</param>
/// <param name="Description">Plain words for staff (they may name warehouses, pick lists and rules).</param>
/// <param name="CustomerDescription">
/// The same news in the customer's words, when they differ: no warehouses, pick lists, rules or street lines, items
/// counted as "2 items". Null when the description needs no change (the tracking view then shows it, or plain words for its kind).
/// </param>
[GenerateSerializer, Immutable, Alias("og.timeline-entry")]
public sealed record TimelineEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Description,
    [property: Id(4)] Actor Actor,
    [property: Id(5)] OrderStatus Status,
    [property: Id(6)] string? CustomerDescription = null);