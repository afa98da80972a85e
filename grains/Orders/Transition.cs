namespace OrderGrid.Orders;

/// <summary>One row of <see cref="OrderTransitions.Legal"/>: in <paramref name="From"/> (null: not placed yet), <paramref name="Move"/> may lead to <paramref name="To"/>.</summary>
public sealed record Transition(OrderStatus? From, OrderMove Move, OrderStatus To);