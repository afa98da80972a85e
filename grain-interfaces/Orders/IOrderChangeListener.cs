namespace OrderGrid.Orders;

/// <summary>
/// Hears every order change of this silo the moment the order has stored it (the live fan-out), before the batched
/// <see cref="IOrderChangeConsumer"/>s have it. Called on the order's turn: it must return at once and never throw;
/// a change may be heard again when the order redelivers it, so what it does must be idempotent by version.
/// </summary>
public interface IOrderChangeListener
{
    void OrderChanged(OrderChanged change);
}