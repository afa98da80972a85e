using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Notifications;
using OrderGrid.Planning;

namespace OrderGrid.Api.Notifications;

/// <summary><c>/api/promotions/{id}/notifications</c>: which customers were told of a promotion, and how sending went.</summary>
public static class PromotionNotificationEndpoints
{
    public static RouteGroupBuilder MapPromotionNotifications(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{id}/notifications", List)
            .WithTags("Notifications")
            .RequireAuthorization(StaffPolicies.Planner)
            .WithName("ListPromotionNotifications")
            .WithSummary("The promotion's email and SMS notifications to its segment's customers, oldest first, each with its status (Pending, Sent, Failed, Skipped) (planner).")
            .Produces<NotificationRecord[]>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<IResult> List(string id, IGrainFactory grains) =>
        (await grains.GetGrain<IPromotionsGrain>("default").List()).Any(p => string.Equals(p.Id, id, StringComparison.Ordinal))
            ? TypedResults.Ok(await grains.GetGrain<INotificationOutboxGrain>(IPromotionAnnouncementGrain.OutboxOf(id)).List())
            : ApiProblems.NotFound("promotion.not-found", $"There is no promotion '{id}'.");
}