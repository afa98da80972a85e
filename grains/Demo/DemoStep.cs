using OrderGrid.Shipping;

namespace OrderGrid.Demo;

/// <summary>The simulator's next step for one order, and how long after it to look at the order again (in real life).</summary>
internal sealed record DemoStep(
    DemoAction Action,
    TimeSpan Then,
    string? PickListId = null,
    string? ShipmentId = null,
    ShipmentStatus? Status = null,
    string? Location = null);