using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class OrleansDashboardAccessTests(OrderGridApp app)
{
    [Fact]
    public async Task Without_credentials_the_dashboard_asks_the_browser_for_them()
    {
        using var response = await app.Customer.GetAsync(new Uri("/orleans/", UriKind.Relative));

        await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Basic realm=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ops_key_is_refused()
    {
        using var response = await Get("/orleans/", Basic(OrderGridApp.OpsKey));

        await Json.Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        using var response = await Get("/orleans/", Basic("not-a-key-at-all-000000"));

        await Json.Problem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_key_opens_it_as_basic_password_or_bearer()
    {
        using var basic = await Get("/orleans/", Basic(OrderGridApp.AdminKey));
        using var bearer = await Get("/orleans/", new AuthenticationHeaderValue("Bearer", OrderGridApp.AdminKey));

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task Basic_credentials_open_nothing_outside_the_dashboard()
    {
        using var response = await Get("/api/wall", Basic(OrderGridApp.AdminKey));

        await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    private static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{key}")));

    private async Task<HttpResponseMessage> Get(string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await app.Customer.SendAsync(request);
    }
}