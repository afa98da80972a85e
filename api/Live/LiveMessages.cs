using OrderGrid.Api.Tracking;
using OrderGrid.Orders;
using OrderGrid.Planning;
using OrderGrid.Stock;
using OrderGrid.Wall;

namespace OrderGrid.Api.Live;

/// <summary>
/// The hub methods the server pushes and the type each carries: the senders use these names, and
/// <see cref="LiveMessagesTransformer"/> puts every type in the OpenAPI document (the dashboard's TypeScript types are
/// generated from it).
/// </summary>
public static class LiveMessages
{
    /// <summary><c>/hubs/orders</c>: an order's whole view, to its followers (staff view or customer view).</summary>
    public const string OrderUpdated = "orderUpdated";

    /// <summary><c>/hubs/wall</c>: one order change at a glance.</summary>
    public const string OrderEvent = "orderEvent";

    /// <summary><c>/hubs/wall</c>: the wall's snapshot, when its revision moved on.</summary>
    public const string WallChanged = "wallChanged";

    /// <summary><c>/hubs/planning</c>: one stock level.</summary>
    public const string StockChanged = "stockChanged";

    /// <summary><c>/hubs/planning</c>: the planning models' version now serving.</summary>
    public const string PlanningChanged = "planningChanged";

    /// <summary>Every push: its schema's name in the document, the hub, the method and the payload's type.</summary>
    public static IReadOnlyList<LiveMessage> All { get; } =
    [
        new("StaffOrderUpdate", OrderHub.Path, OrderUpdated, typeof(OrderUpdate<OrderView>), "to staff following the order"),
        new("CustomerOrderUpdate", OrderHub.Path, OrderUpdated, typeof(OrderUpdate<CustomerOrderView>), "to holders of the order's tracking link"),
        new(nameof(WallOrderEvent), WallHub.Path, OrderEvent, typeof(WallOrderEvent), "to the wall, for every order change"),
        new(nameof(WallSnapshot), WallHub.Path, WallChanged, typeof(WallSnapshot), "to the wall, when its revision moved on"),
        new(nameof(StockLevel), PlanningHub.Path, StockChanged, typeof(StockLevel), "to planners, the newest level of a changed stock"),
        new(nameof(ModelVersionInfo), PlanningHub.Path, PlanningChanged, typeof(ModelVersionInfo), "to planners, when a new model version serves"),
    ];
}

/// <summary>One pushed message: <paramref name="Schema"/> names its type in the OpenAPI document.</summary>
public sealed record LiveMessage(string Schema, string Hub, string Method, Type Payload, string To);