using System.Net;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ForecastCatalogTests(OrderGridApp app)
{
    [Fact]
    public async Task A_product_defined_after_the_planner_read_the_catalog_has_a_forecast_at_once()
    {
        var known = await app.NewProduct();
        using var first = await app.Planner.GetAsync(new Uri($"/api/planning/forecast/{known}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var added = await app.NewProduct();
        using var answer = await app.Planner.GetAsync(new Uri($"/api/planning/forecast/{added}", UriKind.Relative));
        using var unknown = await app.Planner.GetAsync(new Uri($"/api/planning/forecast/{OrderGridApp.Unique("nothing")}", UriKind.Relative));

        Assert.Equal(added, Json.Text((await Json.Ok(answer))["sku"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}