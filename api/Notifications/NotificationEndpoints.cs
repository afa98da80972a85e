using OrderGrid.Api.Auth;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Notifications;
using OrderGrid.Orders;

namespace OrderGrid.Api.Notifications;

/// <summary><c>/api/orders/{id}/notifications</c>: what the customer and staff were told of an order, and how sending went.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapOrderNotifications(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{id}/notifications", List)
            .WithTags("Notifications")
            .RequireAuthorization(StaffPolicies.Staff)
            .OrderId()
            .WithName("ListOrderNotifications")
            .WithSummary("The order's email and SMS notifications, oldest first, each with its status (Pending, Sent, Failed, Skipped), attempts and last error (staff).")
            .Produces<NotificationRecord[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<IResult> List(string id, IGrainFactory grains) =>
        await grains.GetGrain<IOrderGrain>(id).Get() is not null
            ? TypedResults.Ok(await grains.GetGrain<INotificationOutboxGrain>(id).List())
            : OrderEndpoints.NotFound(id);
}