using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>An after-sales step written to the order's timeline; the order records each <paramref name="Id"/> once.</summary>
/// <param name="Kind">Timeline kind, e.g. <c>return.requested</c>.</param>
/// <param name="CustomerDescription">The note in the customer's words when they differ (no SKUs, staff steps or warehouses).</param>
[GenerateSerializer, Immutable, Alias("og.after-sales-note")]
public sealed record AfterSalesNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Description,
    [property: Id(3)] Actor By,
    [property: Id(4)] string? CustomerDescription = null);