using Microsoft.Playwright;

namespace OrderGrid.Tests.Browser;

/// <summary>The staff pages' sign-in form, used as a person does: type the key, press Enter.</summary>
public static class SignInForm
{
    public static async Task Submit(IPage page, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(page);
        var key = page.GetByTestId("signin").Locator("input[name=apiKey]");
        await key.FillAsync(apiKey, new() { Timeout = 10_000 });
        await key.PressAsync("Enter");
    }

    /// <summary>Signs in and waits until the page accepted the key (the sign-out button shows), so that a link to the
    /// other staff page followed next finds the key kept for the tab.</summary>
    public static async Task SignIn(IPage page, string apiKey)
    {
        await Submit(page, apiKey);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signout")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    /// <summary>The key the page kept for this browser tab, or null.</summary>
    public static Task<string?> KeptKey(IPage page) =>
        (page ?? throw new ArgumentNullException(nameof(page))).EvaluateAsync<string?>("() => sessionStorage.getItem('ordergrid.apiKey')");
}