namespace OrderGrid.Orders;

/// <summary>
/// Something that follows every order change on this silo: the read model, the live fan-out. Called with
/// batches; must be idempotent by (order id, sequence), since a change may be delivered again after a crash.
/// Throwing means "not delivered": the order keeps the change in its outbox and tries again.
/// </summary>
public interface IOrderChangeConsumer
{
    Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken);
}