using System.Collections.Immutable;

namespace OrderGrid.Customers;

/// <summary>
/// A customer as the API answers it: their latest contact details and their orders' ids, oldest first — the newest
/// 200, from the read model (it follows the orders within moments; none without PostgreSQL).
/// </summary>
[GenerateSerializer, Immutable, Alias("og.customer-view")]
public sealed record CustomerView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] ImmutableArray<string> OrderIds)
{
    /// <summary>How many order ids a view carries at most.</summary>
    public const int MaxOrderIds = 200;
}

/// <summary>
/// What the customer grain keeps about a customer: contact details and the first order recorded for them (null
/// before any). Their orders are the read model's to list: the grain writes nothing for an order that changes nothing
/// about the customer.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.customer-details")]
public sealed record CustomerDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? FirstOrderId)
{
    /// <summary>Whether anybody has ordered as this customer or given it contact details.</summary>
    public bool Exists => FirstOrderId is not null || Email is not null || Phone is not null;

    /// <summary>Whether <paramref name="orderId"/> is this customer's first order (none recorded yet, or this one).</summary>
    public bool IsFirstOrder(string orderId) => FirstOrderId is null || FirstOrderId == orderId;
}