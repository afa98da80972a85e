using OrderGrid.Api.Problems;
using OrderGrid.Common;
using OrderGrid.Planning;

namespace OrderGrid.Api.Planning;

/// <summary>A discount for one customer segment; <see cref="ValidFrom"/> left out means from now.</summary>
public sealed record CreatePromotionRequest(
    string? Name,
    string? Segment,
    decimal? DiscountPercent,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil)
{
    /// <summary>Every field's problem at <paramref name="now"/>, by the rules of <see cref="NewPromotion"/>.</summary>
    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        Check(errors, "name", Name, NewPromotion.NameProblem);
        Check(errors, "segment", Segment, NewPromotion.SegmentProblem);
        Check(errors, "discountPercent", DiscountPercent, percent => NewPromotion.DiscountProblem(percent!.Value));
        Check(errors, "validUntil", ValidUntil, until => NewPromotion.ValidityProblem(ValidFrom, until!.Value, now));
        return errors;
    }

    /// <summary>Call after <see cref="Validate"/> found nothing.</summary>
    public NewPromotion ToNewPromotion(Actor by) => new(Name!, Segment!, DiscountPercent!.Value, ValidFrom, ValidUntil!.Value, by);

    private static void Check<T>(FieldErrors errors, string field, T? value, Func<T, string?> problem)
    {
        if (value is null)
        {
            errors.Add(field, "Required.");
        }
        else if (problem(value) is { } message)
        {
            errors.Add(field, message);
        }
    }
}