using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

using OrderGrid.Api.Live;
using OrderGrid.Tests.Live;

namespace OrderGrid.Tests.Security;

/// <summary>Row 8 of issue 15: following orders on /hubs/orders is limited per connection and per address, and refusals log quietly.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SecurityHost.Name)]
public sealed class FollowLimitTests(SecurityApp app)
{
    [Fact]
    public async Task One_connection_following_too_often_is_refused_while_a_new_connection_from_elsewhere_still_follows()
    {
        var order = await OrderGridApp.PlaceOrder(app.FromAddress(), OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (await app.NewProductInStock(), 1)));
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        await using var busy = await Connect(SecurityApp.NewAddress());
        for (var i = 0; i < SecurityApp.FollowPerConnection; i++)
        {
            await busy.Follow(id, token);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => busy.Follow(id, token));

        Assert.Contains(OrderHub.TooManyFollows, refused.Message, StringComparison.Ordinal);
        await using var other = await Connect(SecurityApp.NewAddress());
        await other.Follow(id, token);
    }

    [Fact]
    public async Task Connections_from_one_address_share_its_limit_and_staff_are_not_limited()
    {
        var address = SecurityApp.NewAddress();
        var refusals = 0;
        for (var connection = 0; connection < 3; connection++)
        {
            await using var client = await Connect(address);
            for (var i = 0; i < SecurityApp.FollowPerConnection; i++)
            {
                refusals += await Refused(() => client.Follow("OG-0000-0000", "wrong-token"), OrderHub.TooManyFollows) ? 1 : 0;
            }
        }

        Assert.Equal((3 * SecurityApp.FollowPerConnection) - SecurityApp.FollowPerAddress, refusals);
        await using var staff = await LiveClient.Connect(app, "/hubs/orders", OrderGridApp.OpsKey, webSockets: true, Headers(address));
        for (var i = 0; i < SecurityApp.FollowPerAddress * 2; i++)
        {
            Assert.False(await Refused(() => staff.Follow("OG-0000-0000", null), OrderHub.TooManyFollows));
        }
    }

    [Fact]
    public async Task A_refused_follow_logs_one_information_line_without_a_stack_trace()
    {
        await using var client = await Connect(SecurityApp.NewAddress());
        var before = app.Logs.Entries.Count;
        var attempts = SecurityApp.FollowPerConnection + 3;
        for (var i = 0; i < attempts; i++)
        {
            await Assert.ThrowsAsync<HubException>(() => client.Follow("OG-0000-0000", "wrong-token"));
        }

        await Task.Delay(200);
        var logged = app.Logs.Entries.Skip(before).Where(e => e.Message.Contains("Follow", StringComparison.Ordinal)).ToList();
        Assert.Equal(attempts, logged.Count);
        Assert.All(logged, e =>
        {
            Assert.Equal(LogLevel.Information, e.Level);
            Assert.Null(e.Exception);
            Assert.DoesNotContain('\n', e.Message);
        });
        Assert.Equal(SecurityApp.FollowPerConnection, logged.Count(e => e.Message.Contains("order not found", StringComparison.Ordinal)));
        Assert.DoesNotContain(app.Logs.Entries.Skip(before), e => e.Level >= LogLevel.Warning && e.Category.Contains("SignalR", StringComparison.Ordinal));
    }

    private Task<LiveClient> Connect(string address) => LiveClient.Connect(app, "/hubs/orders", webSockets: true, requestHeaders: Headers(address));

    private static Dictionary<string, string> Headers(string address) => new(StringComparer.Ordinal) { [SecurityApp.ClientAddressHeader] = address };

    private static async Task<bool> Refused(Func<Task> follow, string reason)
    {
        try
        {
            await follow();
            return false;
        }
        catch (HubException refusal)
        {
            return refusal.Message.Contains(reason, StringComparison.Ordinal);
        }
    }
}