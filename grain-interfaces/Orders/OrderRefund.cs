using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>Money owed back to the customer for units the order no longer sends (the customer dropped them when stock was short).</summary>
/// <param name="Amount">Units dropped × the order's unit prices.</param>
/// <param name="Reason">Plain words, e.g. "2 × Paper Chain Kit: out of stock".</param>
[GenerateSerializer, Immutable, Alias("og.order-refund")]
public sealed record OrderRefund(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Actor By);