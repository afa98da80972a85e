using System.Globalization;
using System.Net;
using System.Text;

using OrderGrid.Orders;

namespace OrderGrid.Notifications;

/// <summary>
/// What one kind of event tells a reader about an order: a subject (<c>{0}</c> is the order id) and a lead sentence,
/// rendered with the reader's name, the event's own words, the items and the tracking link (introduced by
/// <see cref="LinkText"/>) as plain text, HTML (every value encoded) and a short text message.
/// </summary>
public sealed record NotificationTemplate(string Subject, string Lead, string LinkText = "Track your order")
{
    public RenderedMessage Render(OrderView order, TimelineEntry entry, Uri trackingLink)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(trackingLink);
        var subject = string.Format(CultureInfo.InvariantCulture, Subject, order.Id);
        var link = trackingLink.AbsoluteUri;
        var items = order.Lines.Select(l => $"{l.Quantity} × {l.Name} ({l.Sku})").ToList();

        // A click & collect order has no address, so no name to greet.
        var name = order.ShipTo?.Name ?? "there";

        var text = new StringBuilder()
            .Append("Hello ").Append(name).AppendLine(",").AppendLine()
            .AppendLine(Lead)
            .Append(entry.Description).AppendLine().AppendLine()
            .Append("Order ").Append(order.Id).AppendLine(":");
        items.ForEach(i => text.Append("- ").AppendLine(i));
        text.AppendLine().Append(LinkText).Append(": ").AppendLine(link);

        var html = new StringBuilder()
            .Append("<p>Hello ").Append(Encode(name)).Append(",</p>")
            .Append("<p>").Append(Encode(Lead)).Append("<br>").Append(Encode(entry.Description)).Append("</p>")
            .Append("<p>Order ").Append(Encode(order.Id)).Append(":</p><ul>");
        items.ForEach(i => html.Append("<li>").Append(Encode(i)).Append("</li>"));
        html.Append("</ul><p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(LinkText)).Append("</a></p>");

        return new RenderedMessage(subject, text.ToString(), html.ToString(), $"{subject}. {link}");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}