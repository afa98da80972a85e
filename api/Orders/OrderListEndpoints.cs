using System.Collections.Immutable;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// <c>GET /api/orders</c> and <c>GET /api/orders/{id}/timeline</c> (staff), served from the PostgreSQL read model,
/// which follows the orders within moments. With InMemory storage there is no read model: both answer 503.
/// </summary>
public static class OrderListEndpoints
{
    public const string UnavailableCode = "read-model.unavailable";

    public static RouteGroupBuilder MapOrderList(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet("/", List)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("ListOrders")
            .WithSummary("Finds orders: filters, free text, paging with the total count and a sort order (staff).")
            .WithDescription(
                "status and channel take one value or a comma-separated list (API words: Reserved, web). customerId and warehouseId match exactly. "
                + "from and to are ISO 8601 dates or instants of placement (a 'to' date includes that day). q (at least 3 characters) "
                + "is found inside order ids, customer ids, emails and ship-to names, ignoring case, or is a SKU (exactly, or in capitals). page from 1, pageSize 1–200 (default 50). "
                + "sort: -placedAt (default), placedAt, -total, total, status. Needs PostgreSQL storage (503 otherwise).")
            .Produces<OrderListPage>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}/timeline", Timeline)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetOrderTimeline")
            .WithSummary("The order's timeline from the read model, oldest first (staff).")
            .Produces<TimelineEntry[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    private static async Task<IResult> List(
        string? status,
        string? channel,
        string? customerId,
        string? warehouseId,
        string? from,
        string? to,
        string? q,
        string? page,
        string? pageSize,
        string? sort,
        OrderSearch search,
        CancellationToken cancellationToken)
    {
        if (!search.IsAvailable)
        {
            return Unavailable();
        }

        var (query, errors) = OrderListQuery.Parse(status, channel, customerId, warehouseId, from, to, q, page, pageSize, sort);
        return query is null ? ApiProblems.Validation(errors) : TypedResults.Ok(await search.List(query, cancellationToken));
    }

    private static async Task<IResult> Timeline(string id, OrderSearch search, CancellationToken cancellationToken)
    {
        if (!search.IsAvailable)
        {
            return Unavailable();
        }

        ImmutableArray<TimelineEntry>? timeline = OrderIds.IsWellFormed(id) ? await search.Timeline(id, cancellationToken) : null;
        return timeline is { } entries ? TypedResults.Ok(entries) : OrderEndpoints.NotFound(id);
    }

    private static IResult Unavailable() => ApiProblems.Problem(
        StatusCodes.Status503ServiceUnavailable,
        "The service could not answer.",
        UnavailableCode,
        "The order list needs PostgreSQL storage (OrderGrid:Storage:Mode Embedded or External).");
}