using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Merge;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class MergeHttpTests(OrderGridApp app)
{
    private static readonly string[] UnknownOrders = ["OG-0000-0000", "OG-0000-0001"];

    [Fact]
    public async Task Ops_merge_two_orders_pick_pack_and_ship_them_as_one_parcel()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 3);
        var customer = OrderGridApp.Unique("customer");
        var (a, b) = (await Prepared(customer, sku, 1), await Prepared(customer, sku, 2));

        using var merged = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a, b } });
        var merge = await Json.Ok(merged);
        var id = Json.Text(merge["id"]);
        using var read = await app.Ops.GetAsync(new Uri($"/api/merges/{id}", UriKind.Relative));
        using var picked = await app.Ops.PostAsync(new Uri($"/api/merges/{id}/picked", UriKind.Relative), null);
        using var packed = await app.Ops.PostAsync(new Uri($"/api/merges/{id}/packed", UriKind.Relative), null);
        using var shipped = await app.Ops.PostAsJsonAsync($"/api/merges/{id}/ship", new { carrier = "DHL" });
        var shippedMerge = await Json.Ok(shipped);
        var shipment = Json.Text(shippedMerge["shipment"]!["shipmentId"]);

        var opened = await Json.Ok(read);
        var line = Json.Array(opened["lines"])[0]!;
        Assert.Equal((3, 2), (Json.Number(line["quantity"]), Json.Array(line["orders"]).Count));

        // Each answer offers the one step the whole merge may take next, and nothing once shipped.
        Assert.Equal(
            ["picked", "picked", "packed", "ship", ""],
            new[] { merge, opened, await Json.Ok(picked), await Json.Ok(packed), shippedMerge }.Select(Steps));
        foreach (var order in new[] { await app.Order(a), await app.Order(b) })
        {
            Assert.Equal(shipment, Json.Text(order["shipments"]![0]!["shipmentId"]));
            Assert.Equal(id, Json.Text(order["mergeId"]));
        }
    }

    [Fact]
    public async Task The_delivery_note_of_a_merged_parcel_groups_its_lines_by_the_order_they_came_from()
    {
        var (mug, plate) = (await app.NewProduct(), await app.NewProduct());
        await app.Receive("uk-north", mug, 5);
        await app.Receive("uk-north", plate, 5);
        var customer = OrderGridApp.Unique("customer");
        var (a, b) = (await Prepared(customer, mug, 1), await Prepared(customer, plate, 2));
        using var merged = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a, b } });
        var merge = await Json.Ok(merged);
        var id = Json.Text(merge["id"]);
        // The note follows the merge's order of its orders.
        var inOrder = Json.Array(merge["orderIds"]).Select(o => Json.Text(o)).ToArray();
        foreach (var step in new[] { "picked", "packed" })
        {
            using var done = await app.Ops.PostAsync(new Uri($"/api/merges/{id}/{step}", UriKind.Relative), null);
            await Json.Ok(done);
        }

        using var shipped = await app.Ops.PostAsJsonAsync($"/api/merges/{id}/ship", new { carrier = "DHL" });
        var shipment = Json.Text((await Json.Ok(shipped))["shipment"]!["shipmentId"]);

        using var note = await app.Ops.GetAsync(new Uri($"/api/shipments/{shipment}/delivery-note", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var page = await note.Content.ReadAsStringAsync();

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), inOrder.Order(StringComparer.Ordinal));
        Assert.Contains($"<dt>Orders</dt><dd>{string.Join(", ", inOrder)}</dd>", page, StringComparison.Ordinal);
        var (headA, headB) = (page.IndexOf($"data-order-id=\"{a}\"", StringComparison.Ordinal), page.IndexOf($"data-order-id=\"{b}\"", StringComparison.Ordinal));
        Assert.True(headA > 0 && headB > 0, "Each order has its heading.");
        Assert.Equal(inOrder[0] == a, headA < headB);
        // Order a's table holds its mug and not the plate; order b's table holds its two plates.
        var (groupA, groupB) = headA < headB ? (page[headA..headB], page[headB..]) : (page[headA..], page[headB..headA]);
        Assert.Contains($"<td>{mug}</td>", groupA, StringComparison.Ordinal);
        Assert.DoesNotContain(plate, groupA, StringComparison.Ordinal);
        Assert.Contains($"<td>{plate}</td>", groupB, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2</td>", groupB, StringComparison.Ordinal);
        Assert.DoesNotContain(mug, groupB, StringComparison.Ordinal);
    }

    private static string Steps(System.Text.Json.Nodes.JsonObject merge) => string.Join(",", Json.Array(merge["allowedActions"]).Select(a => Json.Text(a)));

    [Fact]
    public async Task A_bad_body_is_invalid_an_unknown_order_not_found_and_another_customer_a_conflict()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        var (a, b) = (await Prepared(OrderGridApp.Unique("customer"), sku, 1), await Prepared(OrderGridApp.Unique("customer"), sku, 1));

        using var one = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a } });
        using var twice = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a, a } });
        using var unknown = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a, "OG-0000-0000" } });
        using var others = await app.Ops.PostAsJsonAsync("/api/orders/merge", new { orderIds = new[] { a, b } });
        using var missing = await app.Ops.GetAsync(new Uri("/api/merges/MG-0000-0000", UriKind.Relative));
        using var malformed = await app.Ops.PostAsync(new Uri("/api/merges/nope/picked", UriKind.Relative), null);

        await Json.Invalid(one, "orderIds");
        await Json.Invalid(twice, "orderIds");
        await Json.Problem(unknown, HttpStatusCode.NotFound);
        await Json.Problem(others, HttpStatusCode.Conflict);
        await Json.Problem(missing, HttpStatusCode.NotFound);
        await Json.Problem(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Merging_needs_an_ops_key()
    {
        using var anonymous = await app.Customer.PostAsJsonAsync("/api/orders/merge", new { orderIds = UnknownOrders });
        using var reading = await app.Customer.GetAsync(new Uri("/api/merges/MG-0000-0000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reading.StatusCode);
    }

    private async Task<string> Prepared(string customer, string sku, int quantity)
    {
        // Signed in: an anonymous order would be a guest's of its own, and a guest's orders are never another's to merge.
        using var client = app.SignedIn(customer);
        var id = Json.Text((await OrderGridApp.PlaceOrder(client, OrderRequests.Body(customer, "web", (sku, quantity))))["id"]);
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return id;
    }
}