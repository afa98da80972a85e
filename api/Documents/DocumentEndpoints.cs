using System.Collections.Immutable;

using Microsoft.AspNetCore.Http.HttpResults;

using OrderGrid.Api.Auth;
using OrderGrid.Api.PickLists;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Shipping;
using OrderGrid.Merges;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Waves;

namespace OrderGrid.Api.Documents;

/// <summary>
/// Printable documents as HTML pages: <c>/api/pick-lists/{id}/print</c> (ops, like the other pick-list routes) and
/// <c>/api/shipments/{id}/delivery-note</c> (any staff, like reading the shipment) and <c>/api/waves/{id}/print</c> (ops).
/// </summary>
public static class DocumentEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/pick-lists/{id}/print", PickList)
            .RequireAuthorization(StaffPolicies.Ops)
            .WithTags("Documents")
            .WithName("PrintPickList")
            .WithSummary("The pick list as a printable A4 page: warehouse, bins, SKUs, quantities with tick boxes, ship-to and the order id as a QR code (ops).")
            .WithDocumentMetadata();

        api.MapGet("/shipments/{id}/delivery-note", DeliveryNote)
            .RequireAuthorization(StaffPolicies.Staff)
            .ShipmentId()
            .WithTags("Documents")
            .WithName("GetDeliveryNote")
            .WithSummary("The shipment's delivery note as a printable A4 page: carrier and tracking number, ship-to, the lines in this shipment and the order id as a QR code (staff).")
            .WithDocumentMetadata();

        api.MapGet("/waves/{id}/print", Wave)
            .RequireAuthorization(StaffPolicies.Ops)
            .WithTags("Documents")
            .WithName("PrintWave")
            .WithSummary("The wave list as a printable A4 page: the pick path (bin, SKU, units and the tote of each pick list's share) and the totes with their orders (ops).")
            .WithDocumentMetadata();

        return api;
    }

    private static async Task<IResult> Wave(string id, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IWaveGrain>(id).Get() is { } wave
            ? Printable(http, WaveDocument.Render(wave))
            : ApiProblems.NotFound("wave.not-found", $"There is no wave '{id}'.");

    private static async Task<IResult> PickList(string id, HttpContext http, IGrainFactory grains)
    {
        var order = PickListIds.TryGetOrderId(id, out var orderId) ? await grains.GetGrain<IOrderGrain>(orderId).Get() : null;
        var pickList = order?.PickLists.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
        return order is null || pickList is null
            ? ApiProblems.NotFound("pick-list.not-found", $"There is no pick list '{id}'.")
            : Printable(http, PickListDocument.Render(order, pickList));
    }

    private static async Task<IResult> DeliveryNote(string id, HttpContext http, IGrainFactory grains)
    {
        var shipment = await grains.GetGrain<IShipmentGrain>(id).Get();
        var order = shipment is null ? null : await grains.GetGrain<IOrderGrain>(shipment.OrderId).Get();
        return shipment is null || order is null
            ? ShipmentEndpoints.NotFound(id)
            : Printable(http, DeliveryNoteDocument.Render(shipment, order, await MergedLines(shipment, order, grains)));
    }

    /// <summary>
    /// For a shipment a merge sent: each member order's lines in it (its pick list under this shipment), in the merge's
    /// order; empty for a shipment of one order.
    /// </summary>
    private static async Task<IReadOnlyList<(string OrderId, ImmutableArray<PickListLine> Lines)>> MergedLines(ShipmentView shipment, OrderView order, IGrainFactory grains)
    {
        if (order.MergeId is not { } mergeId || await grains.GetGrain<IMergeGrain>(mergeId).Get() is not { } merge)
        {
            return [];
        }

        var members = await Task.WhenAll(merge.OrderIds.Select(orderId => grains.GetGrain<IOrderGrain>(orderId).Get()));
        return
        [
            .. members.OfType<OrderView>()
                .Select(member => (member.Id, Lines: member.PickLists.Where(p => p.ShipmentId == shipment.Id).SelectMany(p => p.Lines).ToImmutableArray()))
                .Where(group => !group.Lines.IsEmpty),
        ];
    }

    /// <summary>
    /// The page may carry a customer's name and address: never cached, and allowed no scripts or outside resources,
    /// so that even a mistake in encoding could not run anything.
    /// </summary>
    private static ContentHttpResult Printable(HttpContext http, string html)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, Html);
    }

    private static RouteHandlerBuilder WithDocumentMetadata(this RouteHandlerBuilder builder) =>
        builder
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}