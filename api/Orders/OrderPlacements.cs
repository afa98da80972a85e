using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>HTTP answers to placing an order (directly or by cart checkout).</summary>
public static class OrderPlacements
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// 201 with <c>Location</c> and the order. A request repeated with the same Idempotency-Key answers exactly the same,
    /// plus <c>Idempotent-Replayed: true</c>, so a client that retries cannot tell a lost answer from a second order.
    /// The customer's tracking page is announced in a <c>Link</c> header (<c>rel="tracking"</c>).
    /// </summary>
    public static IResult ToHttp(HttpContext http, Outcome<OrderPlacement> outcome)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var order = outcome.Value!.Order;
        http.Response.Headers.Link = $"<{TrackingUrl(order)}>; rel=\"tracking\"";
        if (outcome.Value.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/api/orders/{order.Id}", order);
    }

    /// <summary>The customer's tracking page for the order (served by the dashboard).</summary>
    public static string TrackingUrl(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return $"/track/{order.Id}?token={Uri.EscapeDataString(order.TrackingToken)}";
    }
}