using OrderGrid.Common;

namespace OrderGrid.Demo;

/// <summary>
/// The demo traffic simulator, one per cluster (key <c>default</c>): places orders across the channels and moves
/// them through review, picking, shipping and carrier events at a realistic pace, through the same grain calls that
/// staff and carriers cause, so that the wall and the tracking pages move.
/// </summary>
/// <remarks>Every method interleaves with a running tick, so that switching it from the wall answers at once.</remarks>
public interface IDemoTrafficGrain : IGrainWithStringKey
{
    /// <summary>Starts simulating, or keeps on; a rate changes the pace. Refused when the rate is out of range.</summary>
    [AlwaysInterleave]
    Task<Outcome<DemoSimulation>> Start(int? ordersPerMinute);

    /// <summary>Stops placing and advancing orders; the orders already placed stay where they are.</summary>
    [AlwaysInterleave]
    Task<DemoSimulation> Stop();

    /// <summary>Changes how many orders a minute are placed, running or not. Refused when out of range.</summary>
    [AlwaysInterleave]
    Task<Outcome<DemoSimulation>> SetPace(int ordersPerMinute);

    [AlwaysInterleave]
    Task<DemoSimulation> Status();
}