using System.Globalization;
using System.Net;

using OrderGrid.Planning;

namespace OrderGrid.Notifications;

/// <summary>
/// What a customer is told of a promotion for their segment: its name as the title, the discount as its description,
/// its id as the code to quote and its validity, as plain text, HTML (every value encoded) and a short text message.
/// </summary>
public static class PromotionTemplate
{
    public const string Kind = "promotion.created";

    public static RenderedMessage Render(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var subject = $"{promotion.Name}: {Discount(promotion)} off for you";
        var description = $"As one of our {promotion.Segment} customers you get {Discount(promotion)} off your orders.";
        var validity = $"Valid from {Day(promotion.ValidFrom)} until {Day(promotion.ValidUntil)}.";
        var text = $"{promotion.Name}\n\n{description}\nYour code: {promotion.Id}\n{validity}\n";
        var html = $"<h1>{Encode(promotion.Name)}</h1><p>{Encode(description)}</p>"
            + $"<p>Your code: <strong>{Encode(promotion.Id)}</strong></p><p>{Encode(validity)}</p>";
        return new RenderedMessage(subject, text, html, $"{subject}. Code {promotion.Id}, until {Day(promotion.ValidUntil)}.");
    }

    private static string Discount(Promotion promotion) => promotion.DiscountPercent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}