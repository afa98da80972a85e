using OrderGrid.Notifications;
using OrderGrid.Planning;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Fast)]
public sealed class PromotionTemplateTests
{
    private static readonly Promotion Promotion = new(
        "PR-7K3M9Q2X", "<b>Tea & \"biscuits\"</b>", SegmentNames.Loyal, 12.5m,
        new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero),
        DateTimeOffset.UnixEpoch, "planner");

    [Fact]
    public void The_html_encodes_the_promotions_name_and_shows_its_code_discount_and_validity()
    {
        var message = PromotionTemplate.Render(Promotion);

        Assert.Contains("&lt;b&gt;Tea &amp; &quot;biscuits&quot;&lt;/b&gt;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Tea", message.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>PR-7K3M9Q2X</strong>", message.Html, StringComparison.Ordinal);
        Assert.Contains("12.5% off", message.Html, StringComparison.Ordinal);
        Assert.Contains("Valid from 2026-03-01 09:00 UTC until 2026-03-15 00:00 UTC.", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_and_text_message_keep_the_name_as_written_with_the_code()
    {
        var message = PromotionTemplate.Render(Promotion);

        Assert.StartsWith("<b>Tea & \"biscuits\"</b>", message.Text, StringComparison.Ordinal);
        Assert.Contains("Your code: PR-7K3M9Q2X", message.Text, StringComparison.Ordinal);
        Assert.Equal("<b>Tea & \"biscuits\"</b>: 12.5% off for you", message.Subject);
        Assert.Contains("Code PR-7K3M9Q2X, until 2026-03-15", message.Sms, StringComparison.Ordinal);
    }
}