using System.Collections.Immutable;

namespace OrderGrid.Customers;

[GenerateSerializer, Alias("og.customer-state")]
public sealed record CustomerState
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public string? Phone { get; init; }
    [Id(2)] public ImmutableArray<string> OrderIds { get; init; } = [];
}