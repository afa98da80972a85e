using System.Net;

using OrderGrid.Tests.Docs;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class PageNotFoundTests(OrderGridApp app)
{
    /// <summary>What Chromium sends when it opens an address.</summary>
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Theory]
    [InlineData("/wall/nothing")]
    [InlineData("/track")]
    [InlineData("/planer")]
    public async Task A_browser_asking_an_address_that_is_no_page_gets_a_page_with_the_way_to_the_real_ones(string path)
    {
        using var response = await Get(path, Browser);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/wall\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/planner\">", page, StringComparison.Ordinal);
        // The address asked is not written back into the page.
        Assert.DoesNotContain(path.TrimStart('/'), page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wall/nothing", "application/json")]
    [InlineData("/api/nothing", Browser)]
    [InlineData("/hubs/nothing", Browser)]
    public async Task Programs_and_api_addresses_still_get_a_problem(string path, string accept)
    {
        using var response = await Get(path, accept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Get(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(accept);
        return await app.Customer.SendAsync(request);
    }
}