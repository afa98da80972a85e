using System.Text;

using Microsoft.Playwright;

using OrderGrid.Tests.Browser;

namespace OrderGrid.Tests.Security;

/// <summary>The API reference and the Orleans Dashboard render in Chromium under their Content-Security-Policy.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class ThirdPartyPageTests(LiveSite site)
{
    [Theory]
    [InlineData("/docs", "OrderGrid API")]
    [InlineData("/orleans/", "Grains")]
    public async Task The_page_renders_without_a_policy_violation(string path, string text)
    {
        var page = await site.NewPage(1280, 800);
        // The browser would prompt for Basic credentials on /orleans; sent up front, as the prompt would.
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{OrderGridApp.AdminKey}")),
        });
        await page.AddInitScriptAsync("""
            window.policyViolations = [];
            document.addEventListener("securitypolicyviolation", e => window.policyViolations.push(e.violatedDirective + " " + e.blockedURI));
            """);

        await page.GotoAsync(path);
        await page.GetByText(text, new() { Exact = true }).First.WaitForAsync(new() { Timeout = 20_000 });

        var violations = await page.EvaluateAsync<string[]>("window.policyViolations");
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }
}