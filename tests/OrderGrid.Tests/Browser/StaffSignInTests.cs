using System.Net;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The staff pages, their API and their hubs give nothing to a caller without an accepted key.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class StaffSignInTests(LiveSite site)
{
    private const string AdminKey = "demo-admin-key-000000001";

    private static readonly string[] StaffOnly = ["total-orders", "status-count", "channel-count", "event", "alert", "order-detail", "stock-row", "warehouse-tab"];

    [Theory]
    [InlineData("/wall")]
    [InlineData("/planner")]
    public async Task Without_a_key_the_page_shows_only_the_sign_in(string path)
    {
        var page = await site.NewPage(1280, 800);

        await page.GotoAsync(path);

        await Expect(page.GetByTestId("signin").Locator("input[name=apiKey]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("signin-error")).ToBeHiddenAsync();
        await ExpectNothingStaffOnly(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/wall")]
    [InlineData("/planner")]
    public async Task A_wrong_key_is_refused_and_not_kept(string path)
    {
        var page = await site.NewPage(1280, 800);
        await page.GotoAsync(path);

        await SignInForm.Submit(page, "not-a-key-of-ordergrid-000");

        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("refused", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("signin")).ToBeVisibleAsync();
        await ExpectNothingStaffOnly(page);
        Assert.Null(await SignInForm.KeptKey(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Following_the_rules_link_while_the_key_is_still_being_checked_does_not_ask_for_it_again()
    {
        var page = await site.NewPage(1280, 800);
        await page.GotoAsync("/wall");

        // The wall's check of the key is slow to answer; the user does not wait for it.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/wall", async route =>
        {
            await held.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await route.ContinueAsync();
        });
        await SignInForm.Submit(page, AdminKey);
        await page.GetByTestId("rules-link").ClickAsync(new() { Timeout = 10_000 });
        held.TrySetResult();

        await Expect(page.GetByTestId("rules-list").GetByTestId("rule").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("signin")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_wall_API_and_the_staff_hubs_refuse_a_caller_without_a_key()
    {
        using var customer = site.Client(apiKey: null);
        using var ops = site.Client(LiveSite.OpsKey);
        using var planner = site.Client(LiveSite.PlannerKey);

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(customer.GetAsync(new Uri("/api/wall", UriKind.Relative))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Negotiate(customer, "/hubs/wall"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Negotiate(customer, "/hubs/planning"));
        Assert.Equal(HttpStatusCode.OK, await Status(ops.GetAsync(new Uri("/api/wall", UriKind.Relative))));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(ops, "/hubs/wall"));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(planner, "/hubs/planning"));
    }

    // The pages may hold the staff-only parts hidden until a key is accepted: what counts is that none is visible.
    private static async Task ExpectNothingStaffOnly(IPage page)
    {
        foreach (var staffOnly in StaffOnly)
        {
            await Expect(page.Locator($"[data-testid={staffOnly}]:visible")).ToHaveCountAsync(0);
        }
    }

    // The first request of every SignalR client: it is where a hub's authorization answers.
    private static Task<HttpStatusCode> Negotiate(HttpClient client, string hub) =>
        Status(client.PostAsync(new Uri($"{hub}/negotiate?negotiateVersion=1", UriKind.Relative), content: null));

    private static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }
}