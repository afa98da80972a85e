using System.Collections.Concurrent;

using Microsoft.Playwright;

using OrderGrid.Tests.Browser;

namespace OrderGrid.Tests.Docs;

/// <summary>/docs on a machine without internet: Chromium may reach the silo and nothing else.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class ApiReferenceOfflineTests(LiveSite site)
{
    [Fact]
    public async Task The_api_reference_renders_with_every_request_to_another_host_blocked_and_asks_none()
    {
        var page = await site.NewPage(1280, 800);
        var outside = new ConcurrentQueue<string>();
        await page.RouteAsync(url => !IsThisSite(url), async route =>
        {
            outside.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        await page.AddInitScriptAsync("""
            window.policyViolations = [];
            document.addEventListener("securitypolicyviolation", e => window.policyViolations.push(e.violatedDirective + " " + e.blockedURI));
            """);

        await page.GotoAsync("/docs");
        await page.GetByText("OrderGrid API", new() { Exact = true }).First.WaitForAsync(new() { Timeout = 30_000 });
        // The operations came from /openapi/v1.json: their groups are listed.
        await page.GetByText("After-sales", new() { Exact = true }).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(outside);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.policyViolations"));
        Assert.Equal("/favicon.ico", await page.Locator("link[rel~='icon']").First.GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_request_to_another_host_is_caught_by_the_block()
    {
        var page = await site.NewPage(800, 600);
        var outside = new ConcurrentQueue<string>();
        await page.RouteAsync(url => !IsThisSite(url), async route =>
        {
            outside.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        // A page without the silo's Content-Security-Policy, which would stop the request before the network.
        await page.GotoAsync("about:blank");

        await page.EvaluateAsync("() => fetch('https://fonts.scalar.com/inter.css').catch(() => null)");

        Assert.Equal(["https://fonts.scalar.com/inter.css"], outside);
        await page.Context.CloseAsync();
    }

    private bool IsThisSite(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" or "about" || uri.Authority == site.Address.Authority);
}