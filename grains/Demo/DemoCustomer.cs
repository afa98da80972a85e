using OrderGrid.Orders;

namespace OrderGrid.Demo;

/// <summary>A made-up customer the simulator orders for: example.com addresses and numbers reserved for drama.</summary>
internal sealed record DemoCustomer(string Id, string Email, string Phone, Address Address);