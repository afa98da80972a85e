using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class PromotionEndpointTests(OrderGridApp app)
{
    /// <summary>A request body that is wrong in exactly one field, and that field.</summary>
    public static TheoryData<string, string> BadFields => new()
    {
        { """{"segment":"lost","discountPercent":10,"validUntil":"+30"}""", "name" },
        { """{"name":"  ","segment":"lost","discountPercent":10,"validUntil":"+30"}""", "name" },
        { $$"""{"name":"{{new string('x', 101)}}","segment":"lost","discountPercent":10,"validUntil":"+30"}""", "name" },
        { """{"name":"Tab\there","segment":"lost","discountPercent":10,"validUntil":"+30"}""", "name" },
        { """{"name":"Come back","discountPercent":10,"validUntil":"+30"}""", "segment" },
        { """{"name":"Come back","segment":"vip","discountPercent":10,"validUntil":"+30"}""", "segment" },
        { """{"name":"Come back","segment":"Lost","discountPercent":10,"validUntil":"+30"}""", "segment" },
        { """{"name":"Come back","segment":"lost","validUntil":"+30"}""", "discountPercent" },
        { """{"name":"Come back","segment":"lost","discountPercent":0,"validUntil":"+30"}""", "discountPercent" },
        { """{"name":"Come back","segment":"lost","discountPercent":-5,"validUntil":"+30"}""", "discountPercent" },
        { """{"name":"Come back","segment":"lost","discountPercent":90.5,"validUntil":"+30"}""", "discountPercent" },
        { """{"name":"Come back","segment":"lost","discountPercent":"ten","validUntil":"+30"}""", "discountPercent" },
        { """{"name":"Come back","segment":"lost","discountPercent":10}""", "validUntil" },
        { """{"name":"Come back","segment":"lost","discountPercent":10,"validUntil":"-1"}""", "validUntil" },
        { """{"name":"Come back","segment":"lost","discountPercent":10,"validFrom":"+20","validUntil":"+10"}""", "validUntil" },
        { """{"name":"Come back","segment":"lost","discountPercent":10,"validUntil":"+367"}""", "validUntil" },
        { """{"name":"Come back","segment":"lost","discountPercent":10,"validFrom":"+10","validUntil":"+380"}""", "validUntil" },
        { """{"name":"Come back","segment":"lost","discountPercent":10,"validUntil":"next week"}""", "validUntil" },
    };

    [Fact]
    public async Task A_planner_creates_a_promotion_for_a_segment()
    {
        var name = OrderGridApp.Unique("spring");
        var until = DateTimeOffset.UtcNow.AddDays(30);

        using var response = await app.Planner.PostAsJsonAsync("/api/promotions", new { name, segment = "at-risk", discountPercent = 12.5m, validUntil = until });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var promotion = await Json.Read(response);
        var id = Json.Text(promotion["id"]);
        Assert.Matches("^PR-[0-9A-Z]{8}$", id);
        Assert.Equal($"/api/promotions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((name, "at-risk", 12.5m, "demo-planner"), (Json.Text(promotion["name"]), Json.Text(promotion["segment"]), Json.Amount(promotion["discountPercent"]), Json.Text(promotion["createdBy"])));
        Assert.Equal(until, promotion["validUntil"]!.GetValue<DateTimeOffset>());
        var createdAt = promotion["createdAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(createdAt, promotion["validFrom"]!.GetValue<DateTimeOffset>());
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        using var read = await app.Ops.GetAsync(new Uri($"/api/promotions/{id}", UriKind.Relative));
        Assert.Equal(promotion.ToJsonString(), (await Json.Ok(read)).ToJsonString());
    }

    [Fact]
    public async Task Promotions_are_listed_newest_first()
    {
        var older = await Create(OrderGridApp.Unique("older"), "loyal", validUntil: 10);
        var newer = await Create(OrderGridApp.Unique("newer"), "lost", validUntil: 10);

        using var response = await app.Ops.GetAsync(new Uri("/api/promotions", UriKind.Relative));

        var ids = (await Json.ReadArray(AssertOk(response))).Select(p => Json.Text(p!["id"])).ToList();
        Assert.True(ids.IndexOf(newer) >= 0 && ids.IndexOf(newer) < ids.IndexOf(older), string.Join(", ", ids));
    }

    [Fact]
    public async Task A_segment_has_the_promotions_that_are_active_now_biggest_discount_first()
    {
        var small = await Create(OrderGridApp.Unique("small"), "promising", validUntil: 5, discountPercent: 5);
        var big = await Create(OrderGridApp.Unique("big"), "promising", validUntil: 5, discountPercent: 40);
        var later = await Create(OrderGridApp.Unique("later"), "promising", validUntil: 20, validFrom: 10);
        var otherSegment = await Create(OrderGridApp.Unique("other"), "champions", validUntil: 5);

        using var response = await app.Ops.GetAsync(new Uri("/api/promotions/segments/promising", UriKind.Relative));

        var ids = (await Json.ReadArray(AssertOk(response))).Select(p => Json.Text(p!["id"])).ToList();
        Assert.True(ids.IndexOf(big) >= 0 && ids.IndexOf(big) < ids.IndexOf(small), string.Join(", ", ids));
        Assert.DoesNotContain(later, ids);
        Assert.DoesNotContain(otherSegment, ids);
    }

    [Fact]
    public async Task An_unknown_segment_or_promotion_is_not_found()
    {
        using var segment = await app.Ops.GetAsync(new Uri("/api/promotions/segments/vip", UriKind.Relative));
        using var promotion = await app.Ops.GetAsync(new Uri("/api/promotions/PR-00000000", UriKind.Relative));

        Assert.Equal("segment.not-found", Json.Text((await Json.Problem(segment, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("promotion.not-found", Json.Text((await Json.Problem(promotion, HttpStatusCode.NotFound))["code"]));
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_promotion_with_a_bad_field_is_refused_with_that_field_named(string body, string field)
    {
        var count = await PromotionCount();

        using var response = await Post(app.Planner, WithDates(body));

        var problem = await Json.Invalid(response, field);
        Assert.Single(problem["errors"]!.AsObject());
        Assert.Equal(count, await PromotionCount());
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        using var response = await Post(app.Planner, """{"name":"","segment":"vip","discountPercent":95}""");

        var errors = (await Json.Invalid(response, "name"))["errors"]!.AsObject();
        Assert.Equal(["discountPercent", "name", "segment", "validUntil"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_promotion_without_a_body_is_refused()
    {
        using var response = await Post(app.Planner, "null");

        Assert.Equal("request.missing-body", Json.Text((await Json.Problem(response, HttpStatusCode.BadRequest))["code"]));
    }

    [Fact]
    public async Task Only_planners_create_promotions_and_only_staff_read_them()
    {
        const string body = """{"name":"Nope","segment":"lost","discountPercent":10,"validUntil":"+30"}""";

        using var anonymousCreate = await Post(app.Customer, WithDates(body));
        using var opsCreate = await Post(app.Ops, WithDates(body));
        using var adminCreate = await Post(app.Admin, WithDates(body));
        using var anonymousList = await app.Customer.GetAsync(new Uri("/api/promotions", UriKind.Relative));
        using var anonymousSegment = await app.Customer.GetAsync(new Uri("/api/promotions/segments/lost", UriKind.Relative));
        using var strangerList = await app.WithKey("demo-planner-key-00000002").GetAsync(new Uri("/api/promotions", UriKind.Relative));

        await Json.Problem(anonymousCreate, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.forbidden", Json.Text((await Json.Problem(opsCreate, HttpStatusCode.Forbidden))["code"]));
        Assert.Equal(HttpStatusCode.Created, adminCreate.StatusCode);
        await Json.Problem(anonymousList, HttpStatusCode.Unauthorized);
        await Json.Problem(anonymousSegment, HttpStatusCode.Unauthorized);
        await Json.Problem(strangerList, HttpStatusCode.Unauthorized);
    }

    private static HttpResponseMessage AssertOk(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string json) =>
        client.PostAsync(new Uri("/api/promotions", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Writes dates given as "+N" / "-N" (days from now) as ISO 8601 instants.</summary>
    private static string WithDates(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        foreach (var field in new[] { "validFrom", "validUntil" })
        {
            if (json[field]?.GetValue<string>() is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            {
                json[field] = DateTimeOffset.UtcNow.AddDays(days).ToString("O", CultureInfo.InvariantCulture);
            }
        }

        return json.ToJsonString();
    }

    private async Task<string> Create(string name, string segment, int validUntil, int? validFrom = null, decimal discountPercent = 10m)
    {
        var now = DateTimeOffset.UtcNow;
        using var response = await app.Planner.PostAsJsonAsync("/api/promotions", new
        {
            name,
            segment,
            discountPercent,
            validFrom = validFrom is { } from ? now.AddDays(from) : (DateTimeOffset?)null,
            validUntil = now.AddDays(validUntil),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Json.Text((await Json.Read(response))["id"]);
    }

    private async Task<int> PromotionCount()
    {
        using var response = await app.Ops.GetAsync(new Uri("/api/promotions", UriKind.Relative));
        return (await Json.ReadArray(AssertOk(response))).Count;
    }
}