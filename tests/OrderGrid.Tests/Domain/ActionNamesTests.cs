using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

using OrderGrid.AfterSales;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Domain;

/// <summary>The actions' JSON names: kebab-case, stable, and the dashboard's lists of them equal to the C# enums.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class ActionNamesTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [InlineData(typeof(OrderAction), "orderActions")]
    [InlineData(typeof(PickListAction), "pickListActions")]
    [InlineData(typeof(ShipmentAction), "shipmentActions")]
    [InlineData(typeof(AfterSalesAction), "afterSalesActions")]
    [InlineData(typeof(ReturnAction), "returnActions")]
    [InlineData(typeof(TicketAction), "ticketActions")]
    public void Every_action_has_a_kebab_case_name_and_the_dashboard_knows_exactly_those(Type actions, string dashboardList)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var names = Enum.GetValues(actions).Cast<object>().Select(a => JsonSerializer.Serialize(a, actions, Api).Trim('"')).ToArray();

        Assert.All(names, n => Assert.Matches(KebabCase(), n));
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal(names, DashboardList(dashboardList));
    }

    /// <summary>The strings of <c>export const {name} = [ … ] as const</c> in dashboard/src/shared/api-types.ts (generated from the OpenAPI document).</summary>
    private static string[] DashboardList(string name)
    {
        var types = File.ReadAllText(Path.Combine(Repository.Root, "dashboard", "src", "shared", "api-types.ts"));
        var list = Regex.Match(types, $@"export const {name} = \[(?<items>[^\]]*)\] as const", RegexOptions.Singleline);
        Assert.True(list.Success, $"api-types.ts has no list {name}.");
        return [.. Quoted().Matches(list.Groups["items"].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}