using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Carts;

/// <summary>
/// How much stock carts may hold, and for how long: section <c>OrderGrid:Carts</c>. A hold is a courtesy to a shopper,
/// never a way to take a shelf off the market: it is bounded per line, per cart, in time, and in its share of the stock.
/// </summary>
public sealed class CartOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Carts";

    /// <summary>A hold lasts this long after the cart last changed, then releases by itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// No cart holds stock longer than this after its first hold, however often it changes; from then on it holds nothing
    /// until it checks out (checkout still reserves what is there, like any order).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan HoldAtMostFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Units one line of a cart may hold; more may be in the cart, and are reserved at checkout if there.</summary>
    [Range(1, 10_000)]
    public int MaxHeldPerLine { get; set; } = 10;

    /// <summary>Units one cart may hold over all its lines.</summary>
    [Range(1, 100_000)]
    public int MaxHeldPerCart { get; set; } = 50;

    /// <summary>
    /// The share (0.05 to 1) of a SKU's stock in a warehouse, of the units orders have not reserved, that all carts
    /// together may hold; the rest stays for orders whatever the number of carts.
    /// </summary>
    [Range(0.05, 1.0)]
    public double MaxHeldShare { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HoldAtMostFor < HoldFor)
        {
            yield return new ValidationResult($"must be at least HoldFor ({HoldFor})", [nameof(HoldAtMostFor)]);
        }

        if (MaxHeldPerCart < MaxHeldPerLine)
        {
            yield return new ValidationResult($"must be at least MaxHeldPerLine ({MaxHeldPerLine})", [nameof(MaxHeldPerCart)]);
        }
    }
}