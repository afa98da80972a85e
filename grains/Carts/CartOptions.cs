using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Carts;

/// <summary>How long a cart holds stock for its items: section <c>OrderGrid:Carts</c>.</summary>
public sealed class CartOptions
{
    public const string Section = "OrderGrid:Carts";

    /// <summary>A hold lasts this long after the cart last changed, then releases by itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(15);
}