using System.Net;

using OrderGrid.Tests.Docs;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class FaviconTests(OrderGridApp app)
{
    [Fact]
    public async Task The_favicon_is_an_icon()
    {
        using var response = await app.Customer.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var icon = await response.Content.ReadAsByteArrayAsync();
        // An ICO header (reserved 0, type 1) with at least one image.
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, icon[..4]);
        Assert.True(BitConverter.ToUInt16(icon, 4) >= 1);
    }

    [Fact]
    public async Task The_favicon_served_is_the_committed_file()
    {
        var committed = await File.ReadAllBytesAsync(Repository.PathOf("dashboard/public/favicon.ico"));

        var served = await app.Customer.GetByteArrayAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(committed, served);
    }

    [Theory]
    [InlineData("/wall")]
    [InlineData("/planner")]
    [InlineData("/rules")]
    [InlineData("/track/OG-ZZZZ-ZZZZ")]
    public async Task Every_page_links_the_favicon(string path)
    {
        using var response = await app.Customer.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}