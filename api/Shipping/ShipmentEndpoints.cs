using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Api.Shipping;

/// <summary><c>/api/shipments/{id}</c>: a shipment with its tracking events (staff); record carrier events (ops).</summary>
public static class ShipmentEndpoints
{
    public const string IdPrefix = "SH";

    public static RouteGroupBuilder MapShipments(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Shipping");

        group.MapGet("/{id}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .ShipmentId()
            .WithName("GetShipment")
            .WithSummary("A shipment with its delivery note lines and tracking events (staff).")
            .Produces<ShipmentView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/{id}/events", Record)
            .ShipmentId()
            .Validates<RecordTrackingEventRequest>((http, r) => r.Validate(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("RecordTrackingEvent")
            .WithSummary("Records a carrier event (InTransit, OutForDelivery, Delivered, Exception); the order follows its shipments (ops).")
            .Produces<ShipmentView>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IShipmentGrain>(id).Get() is { } shipment ? TypedResults.Ok(shipment) : NotFound(id);

    private static async Task<IResult> Record(string id, RecordTrackingEventRequest? request, HttpContext http, TimeProvider clock, IGrainFactory grains)
    {
        var now = clock.GetUtcNow();
        var location = string.IsNullOrWhiteSpace(request!.Location) ? null : request.Location.Trim();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var trackingEvent = new TrackingEvent(request.Status!.Value, location, request.OccurredAt ?? now, now, http.User.ToStaffActor(), reason);
        return ApiProblems.OkOr(await grains.GetGrain<IShipmentGrain>(id).Record(trackingEvent));
    }

    /// <summary>404 <c>shipment.not-found</c> when the route's <c>{id}</c> cannot be a shipment id.</summary>
    public static RouteHandlerBuilder ShipmentId(this RouteHandlerBuilder builder) => builder.WellFormedId(id => OrderIds.IsWellFormed(id, IdPrefix), NotFound);

    /// <summary>The one answer for a shipment that does not exist.</summary>
    public static IResult NotFound(string id) => ApiProblems.NotFound("shipment.not-found", $"There is no shipment '{id}'.");
}