namespace OrderGrid.Demo;

/// <summary>Whether the demo traffic simulator runs, at what pace, and how many orders it has placed since it woke.</summary>
[GenerateSerializer, Immutable, Alias("og.demo-simulation")]
public sealed record DemoSimulation(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int OrdersPerMinute,
    [property: Id(2)] long Placed)
{
    public const int MinOrdersPerMinute = 1;

    public const int MaxOrdersPerMinute = 600;
}