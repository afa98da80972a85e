using System.Net;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SecurityHost.Name)]
public sealed class CorsTests(SecurityApp app)
{
    [Fact]
    public async Task A_preflight_from_the_dashboard_origin_is_allowed()
    {
        using var client = app.FromAddress();
        using var response = await Preflight(client, SecurityApp.DashboardOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SecurityApp.DashboardOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_preflight_from_a_foreign_origin_gets_no_permission()
    {
        using var client = app.FromAddress();
        using var response = await Preflight(client, "https://evil.example.test");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_simple_request_from_a_foreign_origin_gets_no_permission_to_read_the_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/warehouses");
        request.Headers.Add("Origin", "https://evil.example.test");

        using var client = app.FromAddress();
        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>Without configured origins (the default), not even the dashboard origin of another host is allowed.</summary>
    [Collection(SharedHost.Name)]
    [Trait(Lane.Name, Lane.Integration)]
    public sealed class SameOriginOnly(OrderGridApp app)
    {
        [Fact]
        public async Task By_default_no_other_origin_is_allowed()
        {
            using var response = await Preflight(app.Customer, SecurityApp.DashboardOrigin);

            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        return await client.SendAsync(request);
    }
}