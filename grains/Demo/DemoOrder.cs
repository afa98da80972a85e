using OrderGrid.Orders;

namespace OrderGrid.Demo;

/// <summary>An order the simulator is about to place, with how its story will go.</summary>
internal sealed record DemoOrder(PlaceOrder Command, DemoOrderTraits Traits);