using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Orders;

/// <summary>
/// When staff must look at an order before stock is reserved: section <c>OrderGrid:Review</c>. Seeds the default
/// automation rule "high value" the first time the rules grain starts; from then on admins edit the rule itself.
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "OrderGrid:Review";

    /// <summary>Orders worth more than this wait for staff approval.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal ValueThreshold { get; set; } = 5000m;
}