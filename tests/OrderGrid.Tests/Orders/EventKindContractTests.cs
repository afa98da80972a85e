using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// The catalogue of event kinds is the webhook contract: the served OpenAPI document carries it as the enum
/// <c>EventKind</c>, and the dashboard's copy and the table in <c>docs/api.md</c> are generated from it. Run with
/// <c>ORDERGRID_WRITE_EVENT_KINDS=1</c> to rewrite both after changing <see cref="EventKinds"/>.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class EventKindContractTests(OrderGridApp app)
{
    public const string DashboardPath = "dashboard/src/shared/event-kinds.ts";
    public const string DocumentPath = "docs/api.md";
    private const string Begin = "<!-- event-kinds: generated from grain-interfaces/Orders/EventKinds.cs by tests/OrderGrid.Tests/Orders/EventKindContractTests.cs -->";
    private const string End = "<!-- /event-kinds -->";

    private static bool Write => Environment.GetEnvironmentVariable("ORDERGRID_WRITE_EVENT_KINDS") == "1";

    [Fact]
    public async Task The_OpenAPI_document_lists_the_catalogue_and_the_dashboard_s_copy_is_the_same()
    {
        using var response = await app.Customer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await Json.Ok(response);
        var served = Json.Array(document["components"]?["schemas"]?["EventKind"]?["enum"]).Select(n => Json.Text(n)).ToArray();

        Assert.Equal(EventKinds.All.Select(k => k.Name), served);
        var path = Repository.PathOf(DashboardPath);
        if (Write)
        {
            await File.WriteAllTextAsync(path, TypeScript(served));
        }

        Assert.True(File.Exists(path), $"{DashboardPath} is missing; run this test with ORDERGRID_WRITE_EVENT_KINDS=1.");
        Assert.Equal(TypeScript(served), Normal(await File.ReadAllTextAsync(path)));
    }

    [Fact]
    public async Task The_webhook_contract_in_the_docs_is_the_catalogue()
    {
        var path = Repository.PathOf(DocumentPath);
        var text = Normal(await File.ReadAllTextAsync(path));
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"{DocumentPath} has no section between '{Begin}' and '{End}'.");

        var expected = string.Concat(text.AsSpan(0, start), Markdown(), text.AsSpan(end + End.Length));
        if (Write)
        {
            await File.WriteAllTextAsync(path, expected);
            text = expected;
        }

        Assert.Equal(expected, text);
    }

    /// <summary>The dashboard's constants: one per kind, named as in C#, typed as the union of the names.</summary>
    public static string TypeScript(IReadOnlyList<string> names)
    {
        var byName = typeof(EventKinds).GetFields().Where(f => f.IsLiteral).ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);
        var text = new StringBuilder()
            .Append("// Generated from the OpenAPI document's EventKind (grain-interfaces/Orders/EventKinds.cs) by\n")
            .Append("// tests/OrderGrid.Tests/Orders/EventKindContractTests.cs, which fails when this file differs; rewrite it with\n")
            .Append("// ORDERGRID_WRITE_EVENT_KINDS=1. Do not edit by hand.\n\n")
            .Append("/** The kinds of order events: timeline entries' `kind`, webhook events' `type`. */\n")
            .Append("export const EventKinds = {\n");
        foreach (var name in names)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {byName[name]}: \"{name}\",\n");
        }

        return text.Append("} as const;\n\n")
            .Append("export type EventKind = (typeof EventKinds)[keyof typeof EventKinds];\n")
            .ToString();
    }

    /// <summary>The table of <c>docs/api.md</c>, markers included.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder().Append(Begin).Append("\n\n| type | area | meaning |\n|---|---|---|\n");
        foreach (var kind in EventKinds.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{kind.Name}` | {kind.Group} | {kind.Meaning} |\n");
        }

        return text.Append('\n').Append(End).ToString();
    }

    private static string Normal(string text) => text.ReplaceLineEndings("\n");
}