using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;

using OrderGrid.Common;
using OrderGrid.Notifications;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Fast)]
public sealed class NotificationTemplateTests
{
    private static readonly NotificationOptions Options = new() { PublicBaseUrl = new Uri("https://shop.example.test/"), StaffEmail = "staff@example.test" };

    [Fact]
    public void The_confirmation_names_the_customer_the_items_and_links_to_the_tracking_page()
    {
        var order = Order("order.reserved");

        var email = Assert.Single(OrderNotifications.From(new OrderChanged(order, 1), Options, smsConfigured: false));

        Assert.Equal("OG-7K3M-2Q9F:2:email", email.Id);
        Assert.Equal(NotificationChannel.Email, email.Channel);
        Assert.Equal("ada@example.test", email.To);
        Assert.Equal("Your order OG-7K3M-2Q9F is confirmed", email.Subject);
        const string link = "https://shop.example.test/track/OG-7K3M-2Q9F?token=a%2Bb%2Fc";
        Assert.Contains("Hello Ada <Lovelace> & Co,", email.Text, StringComparison.Ordinal);
        Assert.Contains("2 × Tea & <b>Biscuits</b> (SKU-1)", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Track your order: {link}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">Track your order</a>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_value_in_the_HTML_body_is_encoded()
    {
        var email = Assert.Single(OrderNotifications.From(new OrderChanged(Order("shipment.delivered"), 1), Options, smsConfigured: false));

        Assert.Contains("Hello Ada &lt;Lovelace&gt; &amp; Co,", email.Html, StringComparison.Ordinal);
        Assert.Contains("Tea &amp; &lt;b&gt;Biscuits&lt;/b&gt; (SKU-1)</li>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Left at &lt;door&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_message_goes_only_when_the_order_has_a_phone_and_a_gateway_is_configured()
    {
        var change = new OrderChanged(Order("order.shipped"), 1);

        Assert.DoesNotContain(OrderNotifications.From(change, Options, smsConfigured: false), n => n.Channel == NotificationChannel.Sms);
        var sms = Assert.Single(OrderNotifications.From(change, Options, smsConfigured: true), n => n.Channel == NotificationChannel.Sms);
        Assert.Equal("OG-7K3M-2Q9F:2:sms", sms.Id);
        Assert.Equal("+441234567890", sms.To);
        Assert.Equal("Your order OG-7K3M-2Q9F has shipped. https://shop.example.test/track/OG-7K3M-2Q9F?token=a%2Bb%2Fc", sms.Text);
    }

    [Fact]
    public void Staff_are_emailed_of_a_hold_with_its_reason_and_the_customer_is_not()
    {
        var held = Order("order.held-for-review", "Held for review by rule 'high value': Order value above 5000.");

        var notice = Assert.Single(OrderNotifications.From(new OrderChanged(held, 1), Options, smsConfigured: true));

        Assert.Equal("OG-7K3M-2Q9F:2:staff-email", notice.Id);
        Assert.Equal("staff@example.test", notice.To);
        Assert.Equal("Order OG-7K3M-2Q9F held for review: Order value above 5000", notice.Subject);
    }

    [Fact]
    public void A_delivery_exception_tells_the_customer_and_staff()
    {
        var notices = OrderNotifications.From(new OrderChanged(Order("shipment.exception"), 1), Options, smsConfigured: false).ToList();

        Assert.Equal(["OG-7K3M-2Q9F:2:email", "OG-7K3M-2Q9F:2:staff-email"], notices.Select(n => n.Id));
    }

    [Fact]
    public void Entries_already_published_and_kinds_without_a_template_tell_nobody()
    {
        Assert.Empty(OrderNotifications.From(new OrderChanged(Order("order.reserved"), 2), Options, smsConfigured: true));
        Assert.Empty(OrderNotifications.From(new OrderChanged(Order("order.stock-allocated"), 1), Options, smsConfigured: true));
    }

    [Theory]
    [InlineData("smtp.example.test", null, "Smtp:From")]
    [InlineData("smtp.example.test", "not an address", "Smtp:From")]
    [InlineData(null, null, null)]
    public void An_SMTP_host_needs_a_sender_address(string? host, string? from, string? failing)
    {
        var options = new NotificationOptions { Smtp = { Host = host, From = from } };

        var failures = options.Validate(new ValidationContext(options)).SelectMany(r => r.MemberNames);

        Assert.Equal(failing is null ? [] : [failing], failures);
    }

    [Fact]
    public void An_SMS_gateway_needs_an_API_key_and_the_retry_delay_doubles_up_to_its_cap()
    {
        var options = new NotificationOptions
        {
            Sms = { Url = new Uri("https://sms.example.test/send") },
            FirstRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        };

        Assert.Equal(["Sms:ApiKey"], options.Validate(new ValidationContext(options)).SelectMany(r => r.MemberNames));
        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(f => options.RetryDelay(f).TotalSeconds));
    }

    private static OrderView Order(string kind, string description = "Left at <door>")
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var line = new OrderLineView("SKU-1", "Tea & <b>Biscuits</b>", 2, 4m, 8m, 2, 0, []);
        ImmutableArray<TimelineEntry> timeline =
        [
            new(1, at, "order.placed", "Order placed.", Actor.Customer("c-1"), OrderStatus.Placed),
            new(2, at, kind, description, Actor.System, OrderStatus.Reserved),
        ];
        return new OrderView(
            "OG-7K3M-2Q9F", OrderStatus.Reserved, "a+b/c", SalesChannel.Web, "c-1", "ada@example.test", "+441234567890",
            new Address("Ada <Lovelace> & Co", "12 St James Sq", null, "London", "SW1Y 4JH", "GB"),
            [line], 8m, [], [], [], timeline, at, at, 2);
    }
}