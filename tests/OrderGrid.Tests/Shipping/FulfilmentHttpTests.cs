using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Shipping;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class FulfilmentHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task An_order_is_picked_packed_shipped_and_tracked_to_the_door()
    {
        var sku = await app.NewProduct(8m);
        await app.Receive("uk-north", sku, 10);
        var order = await app.PlaceOrder((sku, 3));
        var id = Json.Text(order["id"]);
        var token = Json.Text(order["trackingToken"]);

        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var pickList = Assert.Single(await Json.ReadArray(issued))!;
        var pickListId = Json.Text(pickList["id"]);
        Assert.Equal($"{id}-P1", pickListId);
        Assert.Equal("uk-north", Json.Text(pickList["warehouseId"]));
        var pickLine = Assert.Single(Json.Array(pickList["lines"]))!;
        Assert.Equal((sku, 3), (Json.Text(pickLine["sku"]), Json.Number(pickLine["quantity"])));
        Assert.Equal("Processing", Json.Text((await app.Order(id))["status"]));

        using var picked = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null);
        using var packed = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null);
        using var shipped = await app.Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "UPS" });

        Assert.Equal("Picked", Json.Text((await Json.Ok(picked))["status"]));
        Assert.Equal("Packed", Json.Text((await Json.Ok(packed))["status"]));
        var label = await Json.Ok(shipped);
        var shipmentId = Json.Text(label["shipmentId"]);
        var trackingNumber = Json.Text(label["trackingNumber"]);
        Assert.Matches("^SH-[0-9A-Z]{4}-[0-9A-Z]{4}$", shipmentId);
        Assert.Equal("UPS", Json.Text(label["carrier"]));
        Assert.False(string.IsNullOrWhiteSpace(trackingNumber));
        Assert.Equal("Shipped", Json.Text((await app.Order(id))["status"]));
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((7, 0, 7), (Json.Number(stock["onHand"]), Json.Number(stock["reserved"]), Json.Number(stock["available"])));

        using var shipment = await app.Planner.GetAsync(new Uri($"/api/shipments/{shipmentId}", UriKind.Relative));
        var shipmentView = await Json.Ok(shipment);
        Assert.Equal((id, "Shipped", trackingNumber), (Json.Text(shipmentView["orderId"]), Json.Text(shipmentView["status"]), Json.Text(shipmentView["trackingNumber"])));

        (string Status, string Location)[] scans = [("InTransit", "Leeds hub"), ("OutForDelivery", "London depot"), ("Delivered", "Front door")];
        foreach (var (status, location) in scans)
        {
            using var recorded = await app.Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status, location });
            Assert.Equal(status, Json.Text((await Json.Ok(recorded))["status"]));
            await app.Eventually(id, o => Json.Text(o["status"]) == status);
        }

        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        var view = await Json.Ok(tracked);
        Assert.Equal("Delivered", Json.Text(view["status"]));
        var parcel = Assert.Single(Json.Array(view["shipments"]))!;
        Assert.Equal(("UPS", trackingNumber, "Delivered"), (Json.Text(parcel["carrier"]), Json.Text(parcel["trackingNumber"]), Json.Text(parcel["status"])));
        var events = Json.Array(parcel["events"]);
        Assert.Equal(["InTransit", "OutForDelivery", "Delivered"], events.Select(e => Json.Text(e!["status"])));
        Assert.Equal(scans.Select(s => s.Location), events.Select(e => Json.Text(e!["location"])));
        Assert.Contains(Json.Array(view["timeline"]), e => Json.Text(e!["status"]) == "Delivered");
    }

    [Fact]
    public async Task A_pick_list_shipped_without_a_carrier_goes_with_the_first_configured_one()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
        (await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null)).Dispose();
        (await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null)).Dispose();

        using var unknownCarrier = await app.Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "Pigeon Post" });
        using var shipped = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/ship", UriKind.Relative), content: null);

        await Json.Problem(unknownCarrier, HttpStatusCode.BadRequest);
        Assert.Equal("DHL", Json.Text((await Json.Ok(shipped))["carrier"]));
    }

    [Fact]
    public async Task Packing_before_picking_is_a_conflict()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);

        using var packed = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null);
        using var shipped = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/ship", UriKind.Relative), content: null);

        await Json.Problem(packed, HttpStatusCode.Conflict);
        await Json.Problem(shipped, HttpStatusCode.Conflict);
        Assert.Equal("Processing", Json.Text((await app.Order(id))["status"]));
    }

    [Fact]
    public async Task A_carrier_event_that_is_not_a_tracking_status_is_refused()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        var (_, label) = await app.Ship(id);
        var shipmentId = Json.Text(label["shipmentId"]);

        using var shippedAgain = await app.Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status = "Shipped" });
        using var teleported = await app.Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status = "Teleported" });
        using var future = await app.Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status = "InTransit", occurredAt = DateTimeOffset.UtcNow.AddDays(2) });

        await Json.Invalid(shippedAgain, "status");
        await Json.Invalid(teleported, "status");
        await Json.Invalid(future, "occurredAt");
        Assert.Equal("Shipped", Json.Text((await app.Order(id))["status"]));
    }

    [Fact]
    public async Task A_delivery_problem_needs_its_reason_which_the_timeline_keeps()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        var (_, label) = await app.Ship(id);
        var events = $"/api/shipments/{Json.Text(label["shipmentId"])}/events";

        using var silent = await app.Ops.PostAsJsonAsync(events, new { status = "Exception" });
        using var reasonOnTransit = await app.Ops.PostAsJsonAsync(events, new { status = "InTransit", reason = "Fine" });
        await Json.Invalid(silent, "reason");
        await Json.Invalid(reasonOnTransit, "reason");
        using var told = await app.Ops.PostAsJsonAsync(events, new { status = "Exception", reason = "Address not found", location = "Leeds" });
        await Json.Ok(told);

        var order = await app.Order(id);
        Assert.Equal("DeliveryException", Json.Text(order["status"]));
        Assert.Contains(Json.Array(order["timeline"]), e => Json.Text(e!["description"]).StartsWith("Delivery problem reported by the carrier (Leeds): Address not found — ", StringComparison.Ordinal));

        // The customer is told what happens next and what they can do, not only that there is a problem.
        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Json.Text(order["trackingToken"])}", UriKind.Relative));
        var notices = Json.Array((await Json.Ok(tracked))["notices"]).Select(Json.Text).ToList();
        Assert.Contains(notices, n => n.StartsWith("The carrier could not deliver your parcel. We will arrange another attempt", StringComparison.Ordinal) && n.Contains("Something wrong?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_staff_key_reads_the_carriers_a_ship_step_may_name_with_the_default_first()
    {
        using var answer = await app.Planner.GetAsync(new Uri("/api/carriers", UriKind.Relative));
        var list = await Json.Ok(answer);

        var carriers = Json.Array(list["carriers"]).Select(c => Json.Text(c)).ToArray();
        Assert.Equal(["DHL", "UPS", "Royal Mail"], carriers);
        Assert.Equal("DHL", Json.Text(list["default"]));
    }
}