using System.Net;
using System.Net.Http.Json;

using OrderGrid.Api.Documents;

namespace OrderGrid.Tests.Documents;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class DocumentTests(OrderGridApp app)
{
    private const string HostileName = "<script>alert(1)</script> \"Bobby\" O'Brien & Co";
    private const string EncodedName = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Bobby&quot; O&#39;Brien &amp; Co";

    [Fact]
    public async Task The_pick_list_prints_warehouse_lines_with_tick_boxes_ship_to_and_the_order_code()
    {
        var (orderId, sku) = await PlaceHostileOrder(quantity: 3);
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);

        var page = await Printed(app.Ops, $"/api/pick-lists/{pickListId}/print");

        Assert.Contains($"Pick list {pickListId}", page, StringComparison.Ordinal);
        Assert.Contains("<dd>uk-north</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{sku}</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">3</td>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"tick\"", page, StringComparison.Ordinal);
        Assert.Contains("12 St James Sq", page, StringComparison.Ordinal);
        AssertPrintable(page, orderId);
    }

    [Fact]
    public async Task The_delivery_note_prints_shipment_carrier_tracking_ship_to_lines_and_date()
    {
        var (orderId, sku) = await PlaceHostileOrder(quantity: 2);
        var (_, label) = await app.Ship(orderId, "UPS");
        var shipmentId = Json.Text(label["shipmentId"]);

        var page = await Printed(app.Planner, $"/api/shipments/{shipmentId}/delivery-note");

        Assert.Contains($"<dd>{shipmentId}</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<dd>{orderId}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>UPS</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<dd>{Json.Text(label["trackingNumber"])}</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Date</dt><dd>\\d{4}-\\d{2}-\\d{2}</dd>", page);
        Assert.Contains($"<td>{sku}</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2</td>", page, StringComparison.Ordinal);
        AssertPrintable(page, orderId);
    }

    [Theory]
    [InlineData("/api/pick-lists/OG-ZZZZ-ZZZZ-P1/print", "pick-list.not-found")]
    [InlineData("/api/pick-lists/not-a-pick-list/print", "pick-list.not-found")]
    [InlineData("/api/shipments/SH-ZZZZ-ZZZZ/delivery-note", "shipment.not-found")]
    [InlineData("/api/shipments/not-a-shipment/delivery-note", "shipment.not-found")]
    public async Task An_unknown_document_is_not_found(string path, string code)
    {
        using var response = await app.Ops.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(code, Json.Text((await Json.Problem(response, HttpStatusCode.NotFound))["code"]));
    }

    [Fact]
    public async Task A_pick_list_of_a_real_order_that_has_none_is_not_found()
    {
        var (orderId, _) = await PlaceHostileOrder(quantity: 1);

        using var response = await app.Ops.GetAsync(new Uri($"/api/pick-lists/{orderId}-P1/print", UriKind.Relative));

        await Json.Problem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/pick-lists/OG-ZZZZ-ZZZZ-P1/print")]
    [InlineData("/api/shipments/SH-ZZZZ-ZZZZ/delivery-note")]
    public async Task Documents_need_a_staff_key(string path)
    {
        using var anonymous = await app.Customer.GetAsync(new Uri(path, UriKind.Relative));
        using var unknownKey = app.WithKey("not-a-key-at-all-000000");
        using var withUnknownKey = await unknownKey.GetAsync(new Uri(path, UriKind.Relative));
        using var inQuery = await app.Customer.GetAsync(new Uri($"{path}?access_token={OrderGridApp.OpsKey}", UriKind.Relative));

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Problem(withUnknownKey, HttpStatusCode.Unauthorized);
        await Json.Problem(inQuery, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Printing_a_pick_list_is_for_operations_staff()
    {
        using var response = await app.Planner.GetAsync(new Uri("/api/pick-lists/OG-ZZZZ-ZZZZ-P1/print", UriKind.Relative));

        await Json.Problem(response, HttpStatusCode.Forbidden);
    }

    private async Task<(string OrderId, string Sku)> PlaceHostileOrder(int quantity)
    {
        var sku = OrderGridApp.Unique("sku");
        using var defined = await app.Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = HostileName, unitPrice = 5m });
        await Json.Ok(defined);
        await app.Receive("uk-north", sku, quantity);
        var body = new
        {
            customerId = OrderGridApp.Unique("customer"),
            email = "bobby@example.com",
            channel = "web",
            lines = new[] { new { sku, quantity } },
            shipTo = new { name = HostileName, line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
        };
        return (Json.Text((await OrderGridApp.PlaceOrder(app.Customer, body))["id"]), sku);
    }

    private static async Task<string> Printed(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A standalone A4 page (nothing loaded from elsewhere) whose customer-typed texts are encoded and whose QR code carries the order id.</summary>
    private static void AssertPrintable(string page, string orderId)
    {
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("size: A4", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", page, StringComparison.Ordinal);
        Assert.Contains($"<address data-part=\"ship-to\">{EncodedName}<br>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{EncodedName}</td>", page, StringComparison.Ordinal);
        Assert.Contains(OrderIdCode.Svg(orderId), page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }
}