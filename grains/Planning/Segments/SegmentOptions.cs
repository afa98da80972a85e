namespace OrderGrid.Planning.Segments;

/// <summary>How the segment model clusters. A fixed seed and one thread: the same history always gives the same segments.</summary>
public sealed record SegmentOptions(int Seed = 20110601, int MaxIterations = 200)
{
    public static SegmentOptions Default { get; } = new();
}