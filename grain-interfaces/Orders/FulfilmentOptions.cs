using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Orders;

/// <summary>How orders leave the warehouse: section <c>OrderGrid:Fulfilment</c>.</summary>
public sealed class FulfilmentOptions
{
    public const string Section = "OrderGrid:Fulfilment";

    /// <summary>Carriers a pick list may ship with; the first is the default.</summary>
    [MinLength(1)]
    public IList<string> Carriers { get; } = [];

    /// <summary>How long after delivery an order completes (after-sales window).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "365.00:00:00")]
    public TimeSpan CompleteAfter { get; set; } = TimeSpan.FromDays(14);
}