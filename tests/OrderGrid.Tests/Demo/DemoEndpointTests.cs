using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace OrderGrid.Tests.Demo;

[Trait(Lane.Name, Lane.Integration)]
public sealed class DemoEndpointTests(DemoApiHost host) : IClassFixture<DemoApiHost>
{
    private static readonly Uri Simulation = new("/api/demo/simulation", UriKind.Relative);

    [Fact]
    public void The_host_starts_the_simulator_when_Simulate_is_on()
    {
        Assert.True(host.StatusAtStart["enabled"]!.GetValue<bool>());
        Assert.Equal(DemoApiHost.PaceAtStart, Json.Number(host.StatusAtStart["ordersPerMinute"]));
        Assert.Equal(0, Json.Number(host.StatusAtStart["placed"]));
        Assert.Equal(["enabled", "ordersPerMinute", "placed"], host.StatusAtStart.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Reading_the_simulation_needs_a_staff_key()
    {
        using var anonymous = await host.Customer.GetAsync(Simulation);
        using var planner = await host.Planner.GetAsync(Simulation);

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Ok(planner);
    }

    [Fact]
    public async Task Switching_the_simulation_needs_an_ops_key()
    {
        using var anonymous = await DemoApiHost.Switch(host.Customer, new { enabled = false });
        using var planner = await DemoApiHost.Switch(host.Planner, new { enabled = false });

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Problem(planner, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ops_switch_the_simulation_off_and_on_and_set_its_pace()
    {
        using var off = await DemoApiHost.Switch(host.Ops, new { enabled = false, ordersPerMinute = 7 });
        var stopped = await Json.Ok(off);
        using var read = await host.Planner.GetAsync(Simulation);
        var seen = await Json.Ok(read);
        using var on = await DemoApiHost.Switch(host.Ops, new { enabled = true, ordersPerMinute = 42 });
        var started = await Json.Ok(on);
        using var onAgain = await DemoApiHost.Switch(host.Ops, new { enabled = true });
        var kept = await Json.Ok(onAgain);

        Assert.False(stopped["enabled"]!.GetValue<bool>());
        Assert.Equal(7, Json.Number(stopped["ordersPerMinute"]));
        Assert.Equal(stopped.ToJsonString(), seen.ToJsonString());
        Assert.True(started["enabled"]!.GetValue<bool>());
        Assert.Equal(42, Json.Number(started["ordersPerMinute"]));
        Assert.Equal(42, Json.Number(kept["ordersPerMinute"]));
    }

    [Theory]
    [InlineData("""{ "enabled": true, "ordersPerMinute": 0 }""", "ordersPerMinute")]
    [InlineData("""{ "enabled": false, "ordersPerMinute": 601 }""", "ordersPerMinute")]
    [InlineData("""{ "enabled": true, "ordersPerMinute": -5 }""", "ordersPerMinute")]
    [InlineData("""{ "enabled": true, "ordersPerMinute": 12.5 }""", "ordersPerMinute")]
    [InlineData("""{ "enabled": true, "ordersPerMinute": "fast" }""", "ordersPerMinute")]
    [InlineData("""{ "ordersPerMinute": 12 }""", "enabled")]
    [InlineData("""{ "enabled": "yes" }""", "enabled")]
    [InlineData("""{ "enabled": null }""", "enabled")]
    [InlineData("""{ "enabled": tru }""", "enabled")]
    public async Task A_bad_switch_is_refused_with_the_field_named_and_changes_nothing(string body, string field)
    {
        using var before = await host.Planner.GetAsync(Simulation);
        var was = await Json.Ok(before);

        using var response = await host.Ops.PutAsync(Simulation, new StringContent(body, Encoding.UTF8, "application/json"));

        await Json.Invalid(response, field);
        using var after = await host.Planner.GetAsync(Simulation);
        Assert.Equal(was.ToJsonString(), (await Json.Ok(after)).ToJsonString());
    }

    [Fact]
    public async Task A_switch_without_a_body_is_refused()
    {
        using var response = await host.Ops.PutAsync(Simulation, JsonContent.Create<object?>(null));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.missing-body", Json.Text(problem["code"]));
    }
}