using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class StaffAuthTests(OrderGridApp app)
{
    /// <summary>Endpoints any staff key may use.</summary>
    public static TheoryData<string, string> StaffEndpoints => new()
    {
        { "GET", "/api/orders/OG-0000-0000" },
        { "GET", "/api/stock/uk-north/85123A" },
        { "GET", "/api/shipments/SH-0000-0000" },
        { "GET", "/api/wall/summary" },
        { "GET", "/api/customers/c-1001" },
    };

    /// <summary>Endpoints only ops (and admin) keys may use.</summary>
    public static TheoryData<string, string> OpsEndpoints => new()
    {
        { "PUT", "/api/catalog/AUTH-1" },
        { "POST", "/api/stock/uk-north/85123A/receipts" },
        { "POST", "/api/stock/uk-north/85123A/adjustments" },
        { "GET", "/api/review-queue" },
        { "POST", "/api/orders/OG-0000-0000/approve" },
        { "POST", "/api/orders/OG-0000-0000/reject" },
        { "POST", "/api/orders/OG-0000-0000/cancel" },
        { "POST", "/api/orders/OG-0000-0000/pick-lists" },
        { "POST", "/api/pick-lists/OG-0000-0000-P1/picked" },
        { "POST", "/api/pick-lists/OG-0000-0000-P1/packed" },
        { "POST", "/api/pick-lists/OG-0000-0000-P1/ship" },
        { "POST", "/api/shipments/SH-0000-0000/events" },
    };

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    [MemberData(nameof(OpsEndpoints))]
    public async Task A_staff_endpoint_without_a_key_is_unauthenticated(string method, string path)
    {
        using var response = await app.Customer.SendAsync(Request(method, path));

        var problem = await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.unauthenticated", Json.Text(problem["code"]));
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    [MemberData(nameof(OpsEndpoints))]
    public async Task A_staff_endpoint_with_an_unknown_key_is_unauthenticated(string method, string path)
    {
        using var stranger = app.WithKey("demo-ops-key-0000000002");

        using var response = await stranger.SendAsync(Request(method, path));

        Assert.Equal("auth.unauthenticated", Json.Text((await Json.Problem(response, HttpStatusCode.Unauthorized))["code"]));
    }

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task A_staff_endpoint_with_a_malformed_authorization_header_is_unauthenticated(string method, string path)
    {
        using var request = Request(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + OrderGridApp.OpsKey);

        using var response = await app.Customer.SendAsync(request);

        await Json.Problem(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(OpsEndpoints))]
    public async Task An_ops_endpoint_with_a_planner_key_is_forbidden(string method, string path)
    {
        using var response = await app.Planner.SendAsync(Request(method, path));

        Assert.Equal("auth.forbidden", Json.Text((await Json.Problem(response, HttpStatusCode.Forbidden))["code"]));
    }

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task A_planner_key_may_read_what_staff_read(string method, string path)
    {
        using var response = await app.Planner.SendAsync(Request(method, path));

        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
            $"{method} {path} with a planner key answered {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task An_admin_key_may_do_what_ops_do()
    {
        var sku = await app.NewProduct();

        using var response = await app.Admin.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 3 });

        Assert.Equal(3, Json.Number((await Json.Ok(response))["onHand"]));
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { reason = "checking", quantity = 1, delta = 1, name = "x", unitPrice = 1, status = "InTransit" }),
        };
}