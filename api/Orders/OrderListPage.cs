using System.Collections.Immutable;

namespace OrderGrid.Api.Orders;

/// <summary>A page of the order list and how many orders match in all.</summary>
/// <param name="Total">
/// How many orders match, counted exactly up to <see cref="OrderSearch.CountLimit"/>; beyond that it is the limit and
/// <paramref name="TotalIsExact"/> is false ("10,000+"): counting 850,000 matches would take a quarter of a second each time.
/// </param>
public sealed record OrderListPage(ImmutableArray<OrderListItem> Items, int Page, int PageSize, long Total, bool TotalIsExact);