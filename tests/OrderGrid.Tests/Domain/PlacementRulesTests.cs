using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class PlacementRulesTests
{
    private static readonly Address ShipTo = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB");

    private static PlaceOrder Valid { get; } = new(
        "c-1", "ada@example.com", null, SalesChannel.Web,
        [new OrderLineRequest("MUG", 1), new OrderLineRequest("PLATE", 10_000)], ShipTo, Actor.Customer("c-1"));

    public static TheoryData<string, PlaceOrder> InvalidRequests => new()
    {
        { "lines[0].quantity", Valid with { Lines = [new OrderLineRequest("MUG", 0)] } },
        { "lines[1].quantity", Valid with { Lines = [new OrderLineRequest("MUG", 1), new OrderLineRequest("PLATE", 10_001)] } },
        { "lines[0].quantity", Valid with { Lines = [new OrderLineRequest("MUG", -5)] } },
        { "lines", Valid with { Lines = [] } },
        { "lines", Valid with { Lines = [.. Enumerable.Range(1, 201).Select(i => new OrderLineRequest($"SKU-{i}", 1))] } },
        { "lines[2].sku", Valid with { Lines = [new OrderLineRequest("MUG", 1), new OrderLineRequest("PLATE", 1), new OrderLineRequest("MUG", 2)] } },
        { "lines[0].sku", Valid with { Lines = [new OrderLineRequest(" ", 1)] } },
        { "email", Valid with { Email = null, Phone = null } },
        { "email", Valid with { Email = " ", Phone = "" } },
        { "email", Valid with { Email = "not-an-email" } },
        { "phone", Valid with { Email = null, Phone = "call me" } },
        { "phone", Valid with { Email = null, Phone = "123" } },
        { "customerId", Valid with { CustomerId = "" } },
        { "customerId", Valid with { CustomerId = new string('c', 201) } },
        { "channel", Valid with { Channel = (SalesChannel)99 } },
        { "shipTo", Valid with { ShipTo = null! } },
        { "shipTo.name", Valid with { ShipTo = ShipTo with { Name = "" } } },
        { "shipTo.line1", Valid with { ShipTo = ShipTo with { Line1 = " " } } },
        { "shipTo.line2", Valid with { ShipTo = ShipTo with { Line2 = new string('x', 201) } } },
        { "shipTo.city", Valid with { ShipTo = ShipTo with { City = "" } } },
        { "shipTo.postalCode", Valid with { ShipTo = ShipTo with { PostalCode = "" } } },
        { "shipTo.country", Valid with { ShipTo = ShipTo with { Country = "GBR" } } },
        { "shipTo.country", Valid with { ShipTo = ShipTo with { Country = "G1" } } },
        { "shipTo.country", Valid with { ShipTo = ShipTo with { Country = "" } } },
        { "shipTo.country", Valid with { ShipTo = ShipTo with { Country = "ZZ" } } },
        { "shipTo.postalCode", Valid with { ShipTo = ShipTo with { PostalCode = "!!!" } } },
        { "shipTo.postalCode", Valid with { ShipTo = ShipTo with { PostalCode = "N1 -9GU" } } },
    };

    [Fact]
    public void A_complete_request_is_valid()
    {
        Assert.Empty(PlacementRules.Validate(Valid));
    }

    [Theory]
    [InlineData("SW1A 1AA", "GB")]
    [InlineData("10115", "de")]
    [InlineData("1010-001", "PT")]
    [InlineData("D02 X285", "IE")]
    [InlineData("K1A 0B1", "CA")]
    public void Postal_codes_and_countries_of_the_world_are_accepted(string postalCode, string country)
    {
        Assert.Empty(PlacementRules.Validate(Valid with { ShipTo = ShipTo with { PostalCode = postalCode, Country = country } }));
    }

    [Fact]
    public void Every_assigned_country_code_and_no_other_is_a_country()
    {
        Assert.Equal(249, Countries.Count);
        var all = from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26) select $"{(char)a}{(char)b}";
        var countries = all.Where(Countries.IsCode).ToList();
        Assert.Equal(249, countries.Count);
        Assert.Contains("GB", countries);
        Assert.DoesNotContain("UK", countries);
        Assert.DoesNotContain("ZZ", countries);
        Assert.DoesNotContain("XX", countries);
    }

    [Fact]
    public void A_phone_number_is_enough_contact()
    {
        Assert.Empty(PlacementRules.Validate(Valid with { Email = null, Phone = "+44 (0)20 7946-0958" }));
    }

    [Fact]
    public void Two_hundred_lines_are_allowed()
    {
        var lines = Enumerable.Range(1, 200).Select(i => new OrderLineRequest($"SKU-{i}", 1));

        Assert.Empty(PlacementRules.Validate(Valid with { Lines = [.. lines] }));
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void An_invalid_request_is_refused_naming_the_field(string field, PlaceOrder request)
    {
        var errors = PlacementRules.Validate(request);

        var messages = Assert.Single(errors, e => e.Key == field).Value;
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Single(errors);
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported_at_once()
    {
        var request = Valid with
        {
            Email = "nope",
            Lines = [new OrderLineRequest("MUG", 0), new OrderLineRequest("MUG", 3)],
            ShipTo = ShipTo with { City = "", Country = "England" },
        };

        var errors = PlacementRules.Validate(request);

        Assert.Equal(
            ["email", "lines[0].quantity", "lines[1].sku", "shipTo.city", "shipTo.country"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}