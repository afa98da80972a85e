using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Rules;

/// <summary>What rules look at in an order being placed.</summary>
/// <param name="Segment">The customer's segment, null when the planning model does not know them (or no rule asks).</param>
/// <param name="IsNewCustomer">No earlier order; null when no rule asks.</param>
public sealed record OrderFacts(
    decimal Total,
    SalesChannel Channel,
    string Country,
    ImmutableArray<(string Sku, int Quantity)> Lines,
    string? Segment,
    bool? IsNewCustomer);