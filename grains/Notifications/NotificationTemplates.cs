using OrderGrid.Orders;

namespace OrderGrid.Notifications;

/// <summary>The templates per timeline kind: what customers are told, and what staff are told.</summary>
public static class NotificationTemplates
{
    /// <summary>Kinds customers hear of; any other kind is not worth a message.</summary>
    public static IReadOnlyDictionary<string, NotificationTemplate> Customer { get; } = new Dictionary<string, NotificationTemplate>(StringComparer.Ordinal)
    {
        [EventKinds.OrderReserved] = new("Your order {0} is confirmed", "Thank you: your order is confirmed and its items are set aside for you."),
        [EventKinds.OrderBackordered] = new("Your order {0} is delayed", "Some items of your order are waiting for stock; we will send them as soon as they arrive."),
        [EventKinds.OrderShipped] = new("Your order {0} has shipped", "Your order is on its way."),
        [EventKinds.ShipmentOutForDelivery] = new("Your order {0} is out for delivery", "Your parcel is out for delivery today."),
        [EventKinds.ShipmentDelivered] = new("Your order {0} has been delivered", "Your parcel has been delivered. We hope you enjoy it."),
        [EventKinds.ShipmentException] = new("A delivery problem with your order {0}", "The carrier reported a problem with your parcel; we are on it and will keep you posted."),
        [EventKinds.PickupReady] = new("Your order {0} is ready to collect", "Your order is ready to collect at the store."),
        [EventKinds.ReturnRequested] = new("We have your return request for order {0}", "We received your return request and will review it shortly."),
        [EventKinds.ReturnApproved] = new("Your return for order {0} is approved", "Your return is approved: please send the items back."),
        [EventKinds.ReturnDeclined] = new("Your return for order {0} was declined", "We are sorry: your return request was declined."),
        [EventKinds.ReturnReceived] = new("We received your return for order {0}", "The items you sent back have arrived."),
        [EventKinds.ReturnRefunded] = new("Your refund for order {0} is on its way", "Your refund has been issued."),
        [EventKinds.ExchangeCreated] = new("Your exchange for order {0} is under way", "We have created a replacement order for your exchange."),
        [EventKinds.FeedbackRequested] = new("How was your order {0}?", "How was your order? Tell us with a rating and a comment.", "Rate it"),
    };

    /// <summary>Kinds staff are emailed of.</summary>
    public static IReadOnlyDictionary<string, NotificationTemplate> Staff { get; } = new Dictionary<string, NotificationTemplate>(StringComparer.Ordinal)
    {
        [EventKinds.OrderHeldForReview] = new("Order {0} held for review", "An order is waiting for review on the wall."),
        [EventKinds.ShipmentException] = new("Delivery exception on order {0}", "A carrier reported a delivery exception."),
    };
}