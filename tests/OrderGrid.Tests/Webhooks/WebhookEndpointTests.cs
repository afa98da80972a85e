using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Webhooks;

[Trait(Lane.Name, Lane.Integration)]
[Collection(WebhookHost.Name)]
public sealed class WebhookEndpointTests(WebhookApp app)
{
    private static readonly string[] Everything = ["*"];

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"events":["order.*"]}""", "url" },
        { """{"url":"/hooks/erp","events":["order.*"]}""", "url" },
        { """{"url":"ftp://erp.example.com/hooks","events":["order.*"]}""", "url" },
        { """{"url":"not a url","events":["order.*"]}""", "url" },
        { """{"url":"https://erp.example.com/hooks"}""", "events" },
        { """{"url":"https://erp.example.com/hooks","events":[]}""", "events" },
        { """{"url":"https://erp.example.com/hooks","events":[""]}""", "events" },
        { """{"url":"https://erp.example.com/hooks","events":["Order.Placed"]}""", "events" },
        { """{"url":"https://erp.example.com/hooks","events":["order*"]}""", "events" },
        { """{"url":"https://erp.example.com/hooks","events":[null]}""", "events" },
    };

    [Fact]
    public async Task An_admin_subscribes_and_sees_the_secret_once()
    {
        var created = await app.Subscribe("https://erp.example.com/hooks", "order.*", "stock.released");
        var id = Json.Text(created["id"]);
        Assert.StartsWith("whsec_", Json.Text(created["secret"]), StringComparison.Ordinal);
        Assert.True((bool?)created["active"]);

        using var one = await app.Admin.GetAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative));
        var read = await Json.Ok(one);
        Assert.Equal("https://erp.example.com/hooks", Json.Text(read["url"]));
        Assert.Equal(["order.*", "stock.released"], Json.Array(read["events"]).Select(e => Json.Text(e)));
        Assert.False(read.ContainsKey("secret"));

        using var list = await app.Admin.GetAsync(new Uri("/api/webhooks", UriKind.Relative));
        var all = await Json.ReadArray(list);
        Assert.Contains(all, s => (string?)s!["id"] == id);
        Assert.All(all, s => Assert.False(s!.AsObject().ContainsKey("secret")));
        Assert.DoesNotContain(Json.Text(created["secret"]), all.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone()
    {
        var id = Json.Text((await app.Subscribe("https://erp.example.com/gone", "*"))["id"]);

        using var deleted = await app.Admin.DeleteAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var read = await app.Admin.GetAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative));
        await Json.Problem(read, HttpStatusCode.NotFound);
        using var again = await app.Admin.DeleteAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative));
        await Json.Problem(again, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_subscription_is_refused_with_the_field_named(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await app.Admin.PostAsync(new Uri("/api/webhooks", UriKind.Relative), content);

        await Json.Invalid(response, field);
    }

    [Theory]
    [InlineData("/api/webhooks/WH-NOPE0000")]
    [InlineData("/api/webhooks/WH-NOPE0000/deliveries")]
    public async Task An_unknown_subscription_is_not_found(string path)
    {
        using var response = await app.Admin.GetAsync(new Uri(path, UriKind.Relative));

        await Json.Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_the_admin_key_webhooks_are_refused()
    {
        using var anonymous = await app.Customer.GetAsync(new Uri("/api/webhooks", UriKind.Relative));
        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);

        using var ops = await app.Ops.PostAsJsonAsync("/api/webhooks", new { url = "https://erp.example.com/hooks", events = Everything });
        await Json.Problem(ops, HttpStatusCode.Forbidden);
    }
}