using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Demo;

/// <summary>The demo traffic simulator: section <c>OrderGrid:Demo</c> (beside the demo seed's <c>Seed</c>).</summary>
public sealed class DemoTrafficOptions
{
    public const string Section = "OrderGrid:Demo";

    /// <summary>Start the simulator when the host starts (on in Development); the wall can switch it any time.</summary>
    public bool Simulate { get; set; }

    [Range(DemoSimulation.MinOrdersPerMinute, DemoSimulation.MaxOrdersPerMinute)]
    public int OrdersPerMinute { get; set; } = 12;

    /// <summary>How many times faster than in life the simulated staff and carriers work: 1 is a realistic pace.</summary>
    [Range(1d, 100_000d)]
    public double TimeScale { get; set; } = 1;

    /// <summary>How often the simulator looks at its orders.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the simulator's choices, to replay a run; unset, every activation differs.</summary>
    public int? RandomSeed { get; set; }
}