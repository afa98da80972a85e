using System.Text.RegularExpressions;

using OrderGrid.Api.Orders;

namespace OrderGrid.Tests.Domain;

/// <summary>The wall's order finder cannot be typed past what the order search accepts.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class FinderLimitTests
{
    [Fact]
    public void The_finder_box_allows_exactly_the_search_texts_the_api_accepts()
    {
        var finder = File.ReadAllText(Path.Combine(Repository.Root, "dashboard", "src", "wall", "order-finder.ts"));

        var limit = MaxLength().Match(finder);

        Assert.True(limit.Success, "order-finder.ts gives its search box no maxlength.");
        Assert.Equal(OrderListQuery.MaxTextLength, int.Parse(limit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""maxlength: "(\d+)",""")]
    private static partial Regex MaxLength();
}