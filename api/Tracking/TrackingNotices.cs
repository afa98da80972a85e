using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Api.Tracking;

/// <summary>Plain-words notices for the customer about what is holding the order up.</summary>
public static class TrackingNotices
{
    /// <summary>What a customer whose parcel the carrier could not deliver reads, with what happens next and what they can do.</summary>
    public const string DeliveryProblem =
        "The carrier could not deliver your parcel. We will arrange another attempt with them and tell you here. " +
        "If the address needs correcting or you will not be in, tell us under “Something wrong?” below.";

    public static ImmutableArray<string> For(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var notices = ImmutableArray.CreateBuilder<string>();
        switch (order.Status)
        {
            case OrderStatus.AwaitingReview:
                notices.Add("Your order is being checked by our team before we prepare it.");
                break;
            case OrderStatus.Backordered:
                notices.Add("Delayed: waiting for stock");
                break;
            case OrderStatus.DeliveryException:
                notices.Add(DeliveryProblem);
                break;
            case OrderStatus.Cancelled:
                notices.Add("This order was cancelled.");
                break;
            default:
                break;
        }

        if (order.Status != OrderStatus.Backordered && order.Holds.Any(h => h.Kind == HoldKind.OutOfStock))
        {
            notices.Add("Part of your order is delayed: waiting for stock");
        }

        if (order.Holds.Any(h => h.Kind == HoldKind.Address))
        {
            notices.Add("We need to check your delivery address; we will contact you.");
        }

        return notices.ToImmutable();
    }
}