using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Notifications;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Integration)]
[Collection(NotificationHosts.Name)]
public sealed class NotificationMailTests(MailApp app)
{
    [Fact]
    public async Task Placing_an_order_mails_the_customer_a_confirmation_with_the_tracking_link()
    {
        var customerId = OrderGridApp.Unique("mail");
        var order = await app.PlaceOrder(customerId);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));

        var mail = await Confirmation(id);

        var link = $"{NotificationApp.PublicBaseUrl}/track/{id}?token={Uri.EscapeDataString(token)}";
        Assert.Equal($"{customerId}@example.com", Json.Text(mail["to"]![0]!["address"]));
        Assert.Contains($"Track your order: {link}", Json.Text(mail["text"]), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">Track your order</a>", Json.Text(mail["html"]), StringComparison.Ordinal);
        Assert.Contains("Tea &amp; &lt;Biscuits&gt;", Json.Text(mail["html"]), StringComparison.Ordinal);
        var record = await app.NotificationOnceIt(id, $"{id}:2:email", "Sent");
        Assert.Equal("Email", Json.Text(record["channel"]));
        Assert.Equal(1, Json.Number(record["attempts"]));
    }

    [Fact]
    public async Task The_same_change_fed_three_more_times_sends_one_email()
    {
        var id = Json.Text((await app.PlaceOrder(OrderGridApp.Unique("mail")))["id"]);
        await Confirmation(id);
        var view = await app.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(id).Get();
        var fanOut = app.Host.Services.GetServices<IOrderChangeConsumer>().OfType<NotificationFanOut>().Single();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fanOut.Consume([new OrderChanged(view!, 0)], CancellationToken.None)));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(await Mails($"Your order {id} is confirmed"));
        var records = await app.Notifications(id);
        Assert.Single(records, n => (string?)n!["id"] == $"{id}:2:email");
        Assert.All(records, n => Assert.True((int?)n!["attempts"] <= 1, $"{n["id"]} was attempted {n["attempts"]} times."));
    }

    private async Task<JsonObject> Confirmation(string orderId)
    {
        var subject = $"Your order {orderId} is confirmed";
        return (await OrderGridApp.Eventually(() => Mails(subject), m => m.Count > 0, $"the mail '{subject}'")).Single();
    }

    private async Task<List<JsonObject>> Mails(string subject) =>
        [.. (await app.Mail.Emails()).Select(m => m!.AsObject()).Where(m => (string?)m["subject"] == subject)];
}