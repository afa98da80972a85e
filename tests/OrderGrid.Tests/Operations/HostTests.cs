using System.Net;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class HostTests(OrderGridApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_health_endpoints_report_healthy(string path)
    {
        using var response = await app.Customer.GetAsync(new Uri(path, UriKind.Relative));

        var report = await Json.Ok(response);
        Assert.Equal("Healthy", Json.Text(report["status"]));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var response = await app.Customer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var document = await Json.Ok(response);
        var paths = document["paths"] as JsonObject;
        Assert.NotNull(paths);
        Assert.Contains("/api/orders", paths.Select(p => p.Key));
        Assert.Contains("/api/track/{id}", paths.Select(p => p.Key));
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/orleans/")]
    public async Task The_reference_page_and_the_dashboard_are_served(string path)
    {
        // The Orleans Dashboard is for admins only; the reference page is public.
        using var response = await app.Admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_silo_listens_on_the_ports_this_host_was_given()
    {
        var silo = app.Services.GetRequiredService<ILocalSiloDetails>();

        Assert.Equal(app.SiloPort, silo.SiloAddress.Endpoint.Port);
        Assert.Equal(app.GatewayPort, silo.GatewayAddress?.Endpoint.Port);
    }
}