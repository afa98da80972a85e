using System.Collections.Immutable;

namespace OrderGrid.Customers;

/// <summary>A customer with their latest contact details and orders.</summary>
[GenerateSerializer, Immutable, Alias("og.customer-view")]
public sealed record CustomerView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] ImmutableArray<string> OrderIds);