using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>One order in the order list, as the read model has it (it follows the order within moments).</summary>
/// <param name="Version">The order's version when the read model last wrote it; compare with the order's own.</param>
public sealed record OrderListItem(
    string Id,
    OrderStatus Status,
    SalesChannel Channel,
    string CustomerId,
    string? Email,
    string? ShipToName,
    string? ShipToCity,
    string? ShipToCountry,
    decimal Total,
    int LineCount,
    int ItemCount,
    ImmutableArray<string> WarehouseIds,
    ImmutableArray<string> Skus,
    ImmutableArray<HoldKind> Holds,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt,
    long Version);