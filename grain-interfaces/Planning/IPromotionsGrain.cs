using OrderGrid.Common;

namespace OrderGrid.Planning;

/// <summary>Every promotion (key <c>default</c>): planners create them, carts and tracking pages show the active ones of a customer's segment.</summary>
public interface IPromotionsGrain : IGrainWithStringKey
{
    /// <summary>Creates the promotion with a new id, or refuses it as invalid (field errors as in <see cref="NewPromotion.Problems"/>).</summary>
    Task<Outcome<Promotion>> Create(NewPromotion promotion);

    /// <summary>All promotions, newest first; those that ended more than <c>90</c> days ago are dropped.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Promotion>> List();

    /// <summary>The promotions of the segment active at <paramref name="at"/>, the biggest discount first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Promotion>> ActiveFor(string segment, DateTimeOffset at);
}