using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Catalog;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CatalogTests(OrderGridApp app)
{
    [Fact]
    public async Task A_made_up_sku_answers_404_without_activating_a_product()
    {
        var made = Enumerable.Range(0, 50).Select(_ => OrderGridApp.Unique("made-up")).ToArray();

        foreach (var sku in made)
        {
            using var read = await app.Customer.GetAsync(new Uri($"/api/catalog/{sku}", UriKind.Relative));
            using var together = await app.Customer.GetAsync(new Uri($"/api/recommendations/products/{sku}", UriKind.Relative));
            await Json.Problem(read, HttpStatusCode.NotFound);
            await Json.Problem(together, HttpStatusCode.NotFound);
        }

        var active = await app.ActiveGrains("product");
        Assert.DoesNotContain(active, made.ToHashSet(StringComparer.Ordinal).Contains);
    }

    [Fact]
    public async Task Ops_define_and_reprice_a_product_that_anyone_can_read()
    {
        var sku = OrderGridApp.Unique("sku");

        using var defined = await app.Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = "Enamel Mug", unitPrice = 4.25m });
        using var repriced = await app.Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = "Enamel Mug", unitPrice = 4.95m });
        using var read = await app.Customer.GetAsync(new Uri($"/api/catalog/{sku}", UriKind.Relative));

        var definedBody = await Json.Ok(defined);
        Assert.Equal((sku, "Enamel Mug", 4.25m), (Json.Text(definedBody["sku"]), Json.Text(definedBody["name"]), Json.Amount(definedBody["unitPrice"])));
        await Json.Ok(repriced);
        var product = await Json.Ok(read);
        Assert.Equal((sku, "Enamel Mug", 4.95m), (Json.Text(product["sku"]), Json.Text(product["name"]), Json.Amount(product["unitPrice"])));
    }

    [Fact]
    public async Task The_demo_catalog_is_served_page_by_page()
    {
        using var first = await app.Customer.GetAsync(new Uri("/api/catalog?page=1&pageSize=3", UriKind.Relative));
        using var second = await app.Customer.GetAsync(new Uri("/api/catalog?page=2&pageSize=3", UriKind.Relative));
        using var byDefault = await app.Customer.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        var page1 = await Json.Ok(first);
        var page2 = await Json.Ok(second);
        var defaultPage = await Json.Ok(byDefault);
        Assert.True(Json.Number(page1["total"]) >= 500, $"The demo seed defines 500 products; total is {page1["total"]}.");
        Assert.Equal((1, 3), (Json.Number(page1["page"]), Json.Number(page1["pageSize"])));
        Assert.Equal(2, Json.Number(page2["page"]));
        var skus1 = Json.Array(page1["items"]).Select(p => Json.Text(p!["sku"])).ToList();
        var skus2 = Json.Array(page2["items"]).Select(p => Json.Text(p!["sku"])).ToList();
        Assert.Equal(3, skus1.Count);
        Assert.Equal(3, skus2.Count);
        Assert.Empty(skus1.Intersect(skus2));
        Assert.Equal(50, Json.Array(defaultPage["items"]).Count);
        Assert.Equal(skus1, Json.Array(defaultPage["items"]).Take(3).Select(p => Json.Text(p!["sku"])));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public async Task A_page_beyond_the_end_of_the_catalog_is_empty(int page)
    {
        using var response = await app.Customer.GetAsync(new Uri($"/api/catalog?page={page}&pageSize=200", UriKind.Relative));

        var body = await Json.Ok(response);
        Assert.Equal(page, Json.Number(body["page"]));
        Assert.Empty(Json.Array(body["items"]));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999999999999", "page")]
    public async Task Catalog_paging_outside_its_range_is_refused(string query, string field)
    {
        using var response = await app.Customer.GetAsync(new Uri($"/api/catalog?{query}", UriKind.Relative));

        await Json.Invalid(response, field);
    }

    [Fact]
    public async Task An_unknown_product_is_not_found()
    {
        using var response = await app.Customer.GetAsync(new Uri($"/api/catalog/{OrderGridApp.Unique("nosuch")}", UriKind.Relative));

        var problem = await Json.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("product.not-found", Json.Text(problem["code"]));
    }

    [Fact]
    public async Task Defining_a_product_needs_an_ops_or_admin_key()
    {
        var sku = OrderGridApp.Unique("sku");
        var body = new { name = "Tea Towel", unitPrice = 2.5m };

        using var anonymous = await app.Customer.PutAsJsonAsync($"/api/catalog/{sku}", body);
        using var planner = await app.Planner.PutAsJsonAsync($"/api/catalog/{sku}", body);
        using var stillUnknown = await app.Customer.GetAsync(new Uri($"/api/catalog/{sku}", UriKind.Relative));
        using var admin = await app.Admin.PutAsJsonAsync($"/api/catalog/{sku}", body);

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Problem(planner, HttpStatusCode.Forbidden);
        await Json.Problem(stillUnknown, HttpStatusCode.NotFound);
        await Json.Ok(admin);
    }

    [Theory]
    [InlineData("""{ "name": "Mug", "unitPrice": -1 }""", "unitPrice")]
    [InlineData("""{ "name": "Mug", "unitPrice": 1.001 }""", "unitPrice")]
    [InlineData("""{ "name": "Mug" }""", "unitPrice")]
    [InlineData("""{ "name": " ", "unitPrice": 1 }""", "name")]
    [InlineData("""{ "name": "Mug", "unitPrice": "cheap" }""", "unitPrice")]
    public async Task A_product_without_a_name_or_a_sane_price_is_refused(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Ops.PutAsync(new Uri($"/api/catalog/{OrderGridApp.Unique("sku")}", UriKind.Relative), content);

        await Json.Invalid(response, field);
    }

    [Fact]
    public async Task Warehouses_are_listed_in_sourcing_order()
    {
        using var response = await app.Customer.GetAsync(new Uri("/api/warehouses", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warehouses = await Json.ReadArray(response);
        Assert.Equal(OrderGridApp.Warehouses, warehouses.Select(w => Json.Text(w!["id"])));
        Assert.All(warehouses, w => Assert.False(string.IsNullOrWhiteSpace(Json.Text(w!["name"]))));
    }
}