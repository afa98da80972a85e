using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Orders;

/// <summary>The actions the API's order views carry, in their JSON names, as an order moves on.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class AllowedActionsHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task The_staff_view_and_the_tracking_view_carry_what_each_may_do_now()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var placed = await app.PlaceOrder((sku, 2));
        var id = Json.Text(placed["id"]);
        var token = Uri.EscapeDataString(Json.Text(placed["trackingToken"]));

        var reserved = await app.Order(id);
        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={token}", UriKind.Relative));
        var tracking = await Json.Ok(tracked);

        Assert.Equal(["modify", "cancel", "issue-pick-lists"], Names(reserved["allowedActions"]));
        Assert.Equal(["cancel", "change-address", "change-quantities"], Names(reserved["customerActions"]));
        Assert.Empty(Json.Array(reserved["pickListActions"]));
        Assert.Equal(["cancel", "change-address", "change-quantities"], Names(tracking["allowedActions"]));
        Assert.Null(tracking["customerActions"]);
    }

    [Fact]
    public async Task Pick_lists_and_shipments_carry_their_next_moves()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
        var processing = await app.Order(id);
        using var picked = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null);
        var afterPicking = await app.Order(id);
        using var packed = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null);
        using var shipped = await app.Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "DHL" });
        var shipmentId = Json.Text((await Json.Ok(shipped))["shipmentId"]);
        var travelling = await app.Order(id);
        using var delivered = await app.Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status = "Delivered" });
        await Json.Ok(delivered);
        var done = await app.Order(id);

        Assert.Equal(["cancel", "merge"], Names(processing["allowedActions"]));
        Assert.Equal(["picked"], PickListActions(processing, pickListId));
        Assert.Equal(["cancel"], Names(afterPicking["customerActions"]));
        Assert.Equal(["packed"], PickListActions(afterPicking, pickListId));
        Assert.Empty(Json.Array(travelling["allowedActions"]));
        Assert.Empty(PickListActions(travelling, pickListId));
        var shipment = Assert.Single(Json.Array(travelling["shipmentActions"]))!;
        Assert.Equal(shipmentId, Json.Text(shipment["shipmentId"]));
        Assert.Equal(["in-transit", "out-for-delivery", "delivered", "exception"], Names(shipment["allowedActions"]));
        Assert.Equal("Delivered", Json.Text(done["status"]));
        Assert.Empty(Names(Assert.Single(Json.Array(done["shipmentActions"]))!["allowedActions"]));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_every_action()
    {
        using var response = await app.Customer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, document);
        foreach (var name in new[] { "\"issue-pick-lists\"", "\"drop-missing-lines\"", "\"ready-for-pickup\"", "\"out-for-delivery\"", "\"allowedActions\"", "\"customerActions\"", "\"pickListActions\"", "\"shipmentActions\"" })
        {
            Assert.Contains(name, document, StringComparison.Ordinal);
        }
    }

    private static string[] PickListActions(JsonObject order, string pickListId) =>
        Names(Json.Array(order["pickListActions"]).Single(p => Json.Text(p!["pickListId"]) == pickListId)!["allowedActions"]);

    private static string[] Names(JsonNode? actions) => [.. Json.Array(actions).Select(a => Json.Text(a))];
}