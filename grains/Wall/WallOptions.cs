using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>What the wall calls stuck: section <c>OrderGrid:Wall</c>, e.g. <c>OrderGrid:Wall:Sla:AwaitingReview = 00:15:00</c>.</summary>
public sealed class WallOptions
{
    public const string Section = "OrderGrid:Wall";

    /// <summary>How long an order may stay in a status before the wall raises a "stuck" alert; statuses not listed never do.</summary>
    public Dictionary<OrderStatus, TimeSpan> Sla { get; } = new()
    {
        [OrderStatus.Placed] = TimeSpan.FromMinutes(2),
        [OrderStatus.AwaitingReview] = TimeSpan.FromMinutes(30),
        [OrderStatus.Reserved] = TimeSpan.FromHours(2),
        [OrderStatus.Backordered] = TimeSpan.FromDays(2),
        [OrderStatus.Processing] = TimeSpan.FromHours(4),
        [OrderStatus.PartiallyShipped] = TimeSpan.FromDays(2),
        [OrderStatus.Shipped] = TimeSpan.FromDays(2),
        [OrderStatus.InTransit] = TimeSpan.FromDays(4),
        [OrderStatus.OutForDelivery] = TimeSpan.FromHours(12),
    };

    /// <summary>How many orders the review and backorder lists show at most, and alerts of each kind (stock-outs: of each warehouse).</summary>
    public int ListLimit { get; set; } = 20;
}