using OrderGrid.Notifications;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class UnconfiguredEmailTests(OrderGridApp app)
{
    [Fact]
    public async Task Without_an_SMTP_server_the_confirmation_is_recorded_as_skipped_never_as_sent()
    {
        var sku = await app.NewProduct();
        await app.Receive(OrderGridApp.Warehouses[0], sku, 3);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        var records = await OrderGridApp.Eventually(
            async () =>
            {
                using var response = await app.Ops.GetAsync(new Uri($"/api/orders/{id}/notifications", UriKind.Relative));
                return await Json.ReadArray(response);
            },
            list => list.Count > 0,
            "the confirmation recorded");

        var record = Assert.Single(records)!;
        Assert.Equal($"{id}:2:email", Json.Text(record["id"]));
        Assert.Equal("Skipped", Json.Text(record["status"]));
        Assert.Equal(0, Json.Number(record["attempts"]));
        Assert.Equal(NotificationOutboxGrain.NoEmailChannel, Json.Text(record["lastError"]));
    }
}