using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>
/// One row of <see cref="OrderTransitions.Refused"/>: in <paramref name="Status"/>, <paramref name="Move"/> is refused
/// with <paramref name="Code"/>; <paramref name="Reason"/> is the message, <c>{id}</c> and <c>{status}</c> standing for the order's.
/// </summary>
public sealed record TransitionRefusal(OrderStatus Status, OrderMove Move, RefusalKind Kind, string Code, string Reason)
{
    public Refusal For(string orderId) =>
        new(Kind, Code, Reason.Replace("{id}", orderId, StringComparison.Ordinal).Replace("{status}", Status.ToString(), StringComparison.Ordinal));
}