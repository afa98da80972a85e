using OrderGrid.Webhooks;

namespace OrderGrid.Tests.Webhooks;

[Trait(Lane.Name, Lane.Fast)]
public sealed class WebhookEventFilterTests
{
    [Theory]
    [InlineData("*", "order.placed", true)]
    [InlineData("*", "stock.released", true)]
    [InlineData("order.*", "order.placed", true)]
    [InlineData("order.*", "order.stock-allocated", true)]
    [InlineData("order.*", "stock.released", false)]
    [InlineData("order.*", "order", false)]
    [InlineData("order.*", "orders.placed", false)]
    [InlineData("order.shipped", "order.shipped", true)]
    [InlineData("order.shipped", "order.partially-shipped", false)]
    [InlineData("order.shipped", "order.shipped.late", false)]
    [InlineData("order.ship", "order.shipped", false)]
    public void A_filter_matches_an_exact_kind_a_prefix_or_everything(string filter, string eventType, bool matches) =>
        Assert.Equal(matches, WebhookEventFilter.Matches(filter, eventType));

    [Theory]
    [InlineData("*", true)]
    [InlineData("order.*", true)]
    [InlineData("order.shipped", true)]
    [InlineData("order.stock-allocated", true)]
    [InlineData("order", true)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("Order.Shipped", false)]
    [InlineData("order.", false)]
    [InlineData(".order", false)]
    [InlineData("order.*.x", false)]
    [InlineData("order*", false)]
    [InlineData("**", false)]
    public void Only_well_formed_filters_are_accepted(string filter, bool wellFormed) =>
        Assert.Equal(wellFormed, WebhookEventFilter.IsWellFormed(filter));

    [Fact]
    public void An_event_matches_a_list_when_any_filter_matches()
    {
        Assert.True(WebhookEventFilter.MatchesAny(["order.shipped", "stock.*"], "stock.released"));
        Assert.False(WebhookEventFilter.MatchesAny(["order.shipped", "stock.*"], "order.placed"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(30, 10)]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap(int failures, int seconds)
    {
        var options = new WebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.RetryDelay(failures));
    }
}