using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The automation rules page, reached from the wall: admins change the rules there, other staff read them.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class RulesPageTests(LiveSite site)
{
    private const string AdminKey = "demo-admin-key-000000001";

    [Fact]
    public async Task An_admin_creates_edits_disables_and_deletes_a_rule_from_the_wall()
    {
        const string name = "hold orders to country AQ";
        var page = await site.NewPage(1440, 1100);
        await page.GotoAsync("/wall");
        await SignInForm.SignIn(page, AdminKey);
        await page.GetByTestId("rules-link").ClickAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("rules-list").GetByTestId("rule").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("rules-read-only")).ToBeHiddenAsync();

        await page.GetByTestId("rule-new").ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Priority (lower runs first)").FillAsync("20");
        await page.GetByLabel("Ship-to countries (two-letter codes)").FillAsync("AQ");
        await page.GetByTestId("rule-action-hold").CheckAsync();
        await page.GetByTestId("rule-hold-reason").FillAsync("check the AQ address");
        await page.GetByTestId("rule-save").ClickAsync();

        var row = page.GetByTestId("rule").Filter(new() { HasText = name });
        await Expect(row.GetByTestId("rule-when")).ToHaveTextAsync("shipped to AQ", new() { Timeout = 5_000 });
        await Expect(row.GetByTestId("rule-then")).ToHaveTextAsync("hold for review: “check the AQ address”");
        await Expect(page.GetByTestId("rule-form")).ToBeHiddenAsync();
        var id = int.Parse(await row.GetAttributeAsync("data-rule-id") ?? "", CultureInfo.InvariantCulture);
        var created = await Rule(id);
        Assert.Equal((20, "AQ", "check the AQ address"), (Json.Number(created["priority"]), Json.Text(created["conditions"]!["countries"]![0]), Json.Text(created["actions"]![0]!["reason"])));

        await row.GetByTestId("rule-edit").ClickAsync();
        var countries = page.GetByLabel("Ship-to countries (two-letter codes)");
        await countries.FillAsync("AQ, Germany");
        await page.GetByTestId("rule-save").ClickAsync();
        await Expect(page.GetByTestId("error-conditions.countries")).ToHaveTextAsync("Germany: Must be a two-letter ISO 3166 code, e.g. GB.", new() { Timeout = 5_000 });
        await Expect(countries).ToHaveAttributeAsync("aria-invalid", "true");
        await countries.FillAsync("AQ, BV");
        await page.GetByTestId("rule-action-requireSignature").CheckAsync();
        await page.GetByTestId("rule-save").ClickAsync();
        await Expect(row.GetByTestId("rule-when")).ToHaveTextAsync("shipped to AQ or BV", new() { Timeout = 5_000 });
        await Expect(row.GetByTestId("rule-then")).ToContainTextAsync("require a signature on delivery");
        var edited = await Rule(id);
        Assert.Equal(["AQ", "BV"], Json.Array(edited["conditions"]!["countries"]).Select(Json.Text));
        Assert.Equal(["Hold", "RequireSignature"], Json.Array(edited["actions"]).Select(a => Json.Text(a!["kind"])));
        await Screenshots.Save(page, "rules.png");

        await row.GetByTestId("rule-toggle").ClickAsync();
        await Expect(row.GetByTestId("rule-state")).ToHaveTextAsync("Disabled", new() { Timeout = 5_000 });
        Assert.False((await Rule(id))["enabled"]!.GetValue<bool>());

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByTestId("rule-delete").ClickAsync();
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        using var gone = await site.Ops.GetAsync(new Uri($"/api/rules/{id}", UriKind.Relative));
        await Json.Problem(gone, HttpStatusCode.NotFound);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ops_key_reads_the_rules_but_may_not_change_them()
    {
        Assert.False((await site.Get("/api/rules/access", LiveSite.OpsKey))["canEdit"]!.GetValue<bool>());
        Assert.True((await site.Get("/api/rules/access", AdminKey))["canEdit"]!.GetValue<bool>());
        var page = await site.NewPage(1280, 800);
        await page.GotoAsync("/rules");
        await SignInForm.Submit(page, LiveSite.OpsKey);

        var highValue = page.GetByTestId("rule").Filter(new() { HasText = "high value" });
        await Expect(highValue.GetByTestId("rule-when")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^order value above 5,000.00"), new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("rules-read-only")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rule-new")).ToBeDisabledAsync();
        await Expect(highValue.GetByTestId("rule-edit")).ToBeDisabledAsync();
        await Expect(highValue.GetByTestId("rule-delete")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    private async Task<JsonObject> Rule(int id) => await site.Get($"/api/rules/{id}", LiveSite.OpsKey);
}