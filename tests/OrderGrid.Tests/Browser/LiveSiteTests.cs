using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The browser tests' own footing: the host listens on a real socket and Chromium loads and draws its pages.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class LiveSiteTests(LiveSite site)
{
    [Fact]
    public async Task Chromium_loads_the_health_answer_from_the_real_socket()
    {
        var page = await site.NewPage(800, 600);

        var response = await page.GotoAsync("/health/live");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("http://127.0.0.1:", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("body")).ToContainTextAsync("Healthy", new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Chromium_draws_the_API_reference()
    {
        var page = await site.NewPage(1280, 800);

        var response = await page.GotoAsync("/docs");
        await Expect(page).ToHaveTitleAsync("OrderGrid API", new() { Timeout = 10_000 });
        var png = await page.ScreenshotAsync();

        Assert.Equal(200, response?.Status);
        Assert.True(png.Length > 1_000, $"A {png.Length}-byte screenshot");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        await page.Context.CloseAsync();
    }
}