using OrderGrid.Orders;

namespace OrderGrid.Demo;

/// <summary>An order the simulator looks after, and when to look at it next.</summary>
/// <param name="Unplaced">The placement still to make (kept for a retry with the same id and content); null once placed.</param>
internal sealed record FollowedOrder(string OrderId, DemoOrderTraits Traits, PlaceOrder? Unplaced, DateTimeOffset DueAt, DateTimeOffset Since);