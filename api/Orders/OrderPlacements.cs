using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>HTTP answers to placing an order (directly or by cart checkout).</summary>
public static class OrderPlacements
{
    /// <summary>
    /// 201 with <c>Location</c> for a new order, 200 when the same request was already answered; the body is the order
    /// either way. The customer's tracking page is announced in a <c>Link</c> header (<c>rel="tracking"</c>).
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
        return outcome.Value.Replayed ? TypedResults.Ok(order) : TypedResults.Created($"/api/orders/{order.Id}", order);
    }

    /// <summary>The customer's tracking page for the order (served by the dashboard).</summary>
    public static string TrackingUrl(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return $"/track/{order.Id}?token={Uri.EscapeDataString(order.TrackingToken)}";
    }
}