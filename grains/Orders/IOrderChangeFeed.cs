namespace OrderGrid.Orders;

/// <summary>Delivers order changes to every <see cref="IOrderChangeConsumer"/> of this silo.</summary>
public interface IOrderChangeFeed
{
    /// <summary>Completes when every consumer has taken the change; fails when any could not.</summary>
    Task Publish(OrderChanged change);
}