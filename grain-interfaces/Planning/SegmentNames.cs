namespace OrderGrid.Planning;

/// <summary>
/// The fixed vocabulary of customer segments: every customer the segment model knows is in exactly one of them, and
/// promotions target them by name. The names stay the same across model versions, so a promotion outlives retraining.
/// </summary>
public static class SegmentNames
{
    /// <summary>Bought recently, buy often and spend the most.</summary>
    public const string Champions = "champions";

    /// <summary>Buy regularly and spend well, a step below the champions.</summary>
    public const string Loyal = "loyal";

    /// <summary>Bought recently but only a few times and for little so far.</summary>
    public const string Promising = "promising";

    /// <summary>Bought repeatedly before, but not for months.</summary>
    public const string AtRisk = "at-risk";

    /// <summary>Bought little, long ago.</summary>
    public const string Lost = "lost";

    /// <summary>Every segment name, best customers first.</summary>
    public static IReadOnlyList<string> All { get; } = [Champions, Loyal, Promising, AtRisk, Lost];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>What the segment's customers have in common, in plain words for planners.</summary>
    public static string Describe(string name) => name switch
    {
        Champions => "Bought recently, buy often and spend the most.",
        Loyal => "Buy regularly and spend well, a step below the champions.",
        Promising => "Bought recently but only a few times and for little so far: new or occasional customers worth growing.",
        AtRisk => "Bought repeatedly before, but not for months: worth winning back before they go.",
        Lost => "Bought little, long ago.",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a segment name."),
    };
}