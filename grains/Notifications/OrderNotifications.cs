using OrderGrid.Orders;

namespace OrderGrid.Notifications;

/// <summary>
/// Turns an order change into notifications, one per new timeline entry worth telling and per channel: email to the
/// order's address, SMS to its phone when a gateway is set, and email to staff. Ids are
/// <c>{order}:{sequence}:{channel}</c>, so the same change turns into the same ids however often it is fed.
/// </summary>
public static class OrderNotifications
{
    public static IEnumerable<Notification> From(OrderChanged change, NotificationOptions options, bool smsConfigured)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(options);
        var order = change.Order;
        var link = TrackingLink(options.PublicBaseUrl, order);
        foreach (var entry in change.NewEntries)
        {
            var id = $"{order.Id}:{entry.Sequence}";
            if (NotificationTemplates.Customer.TryGetValue(entry.Kind, out var customer))
            {
                // The customer reads the entry in their own words (no warehouses, pick lists or street lines).
                var message = customer.Render(order, entry with { Description = entry.CustomerDescription ?? entry.Description }, link);
                if (!string.IsNullOrWhiteSpace(order.Email))
                {
                    yield return new Notification($"{id}:email", entry.Kind, NotificationChannel.Email, order.Email, message.Subject, message.Text, message.Html);
                }

                if (smsConfigured && !string.IsNullOrWhiteSpace(order.Phone))
                {
                    yield return new Notification($"{id}:sms", entry.Kind, NotificationChannel.Sms, order.Phone, message.Subject, message.Sms, null);
                }
            }

            if (NotificationTemplates.Staff.TryGetValue(entry.Kind, out var staff) && !string.IsNullOrWhiteSpace(options.StaffEmail))
            {
                var message = staff.Render(order, entry, link);
                var subject = $"{message.Subject}: {ReasonOf(entry.Description)}";
                yield return new Notification($"{id}:staff-email", entry.Kind, NotificationChannel.Email, options.StaffEmail, subject, message.Text, message.Html);
            }
        }
    }

    // "Held for review by rule 'high value': Order value above 5000." reads as its reason in a subject line.
    private static string ReasonOf(string description) =>
        (description.IndexOf(": ", StringComparison.Ordinal) is >= 0 and var colon ? description[(colon + 2)..] : description).TrimEnd('.');

    /// <summary>The customer's tracking page: <c>{base}/track/{id}?token={token}</c>.</summary>
    public static Uri TrackingLink(Uri publicBaseUrl, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(order);
        var root = publicBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/track/{Uri.EscapeDataString(order.Id)}?token={Uri.EscapeDataString(order.TrackingToken)}");
    }
}