using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Planning;

/// <summary>A promotion a planner asks for. <see cref="ValidFrom"/> null means from now.</summary>
/// <remarks>The checks are static too, so that the API can check each field a request has and report all at once.</remarks>
[GenerateSerializer, Immutable, Alias("og.new-promotion")]
public sealed record NewPromotion(
    [property: Id(0)] string Name,
    [property: Id(1)] string Segment,
    [property: Id(2)] decimal DiscountPercent,
    [property: Id(3)] DateTimeOffset? ValidFrom,
    [property: Id(4)] DateTimeOffset ValidUntil,
    [property: Id(5)] Actor By)
{
    public const int MaxNameLength = 100;

    public const decimal MaxDiscountPercent = 90m;

    /// <summary>What is wrong with it at <paramref name="now"/>, keyed by the request's field name; empty when it may be created.</summary>
    public ImmutableDictionary<string, string[]> Problems(DateTimeOffset now)
    {
        var problems = ImmutableDictionary.CreateBuilder<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, problem) in new[]
        {
            ("name", NameProblem(Name)),
            ("segment", SegmentProblem(Segment)),
            ("discountPercent", DiscountProblem(DiscountPercent)),
            ("validUntil", ValidityProblem(ValidFrom, ValidUntil, now)),
        })
        {
            if (problem is not null)
            {
                problems[field] = [problem];
            }
        }

        return problems.ToImmutable();
    }

    public static string? NameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) ? "Required: must not be blank."
        : name.Length > MaxNameLength ? $"At most {MaxNameLength} characters."
        : name.Any(char.IsControl) ? "Must not contain control characters."
        : null;

    public static string? SegmentProblem(string segment) =>
        SegmentNames.IsKnown(segment) ? null : $"Must be one of {string.Join(", ", SegmentNames.All)}.";

    public static string? DiscountProblem(decimal percent) =>
        percent is > 0 and <= MaxDiscountPercent ? null : $"Must be above 0 and at most {MaxDiscountPercent:0}.";

    /// <summary>The promotion must end in the future, after it starts, and at most one year after.</summary>
    public static string? ValidityProblem(DateTimeOffset? validFrom, DateTimeOffset validUntil, DateTimeOffset now)
    {
        var from = validFrom ?? now;
        return validUntil <= now ? "Must be in the future."
            : validUntil <= from ? "Must be after validFrom."
            : validUntil > from.AddYears(1) ? "A promotion runs at most one year from validFrom."
            : null;
    }
}