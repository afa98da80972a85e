using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderGrid.Telemetry;

/// <summary>
/// What production users see of OrderGrid's own work, beside ASP.NET Core's, the runtime's, Npgsql's and Orleans'
/// instruments: one meter and one activity source named <see cref="Name"/>, exported by the silo
/// (silo/Hosting/TelemetrySetup.cs; the instruments are listed in docs/operations.md). Durations are in seconds, as
/// OpenTelemetry's conventions ask.
/// </summary>
public static class OrderGridTelemetry
{
    public const string Name = "OrderGrid";

    private static readonly Meter Meter = new(Name);

    // Millisecond to second resolution where an order's work lies; the SDK's default boundaries start at 5 (seconds).
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private static readonly InstrumentAdvice<int> Writes = new()
    {
        HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    };

    /// <summary>Spans of OrderGrid's own steps (an order's placement).</summary>
    public static readonly ActivitySource Activities = new(Name);

    /// <summary>Orders placed (replays of an idempotency key not counted), by channel and the status placement left them in.</summary>
    public static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>(
        "ordergrid.orders.placed", "{order}", "Orders placed, by channel and the status placement left them in.");

    /// <summary>From the order grain receiving a placement to its answer: checks, rules, the first write, the reservation.</summary>
    public static readonly Histogram<double> PlacementDuration = Meter.CreateHistogram(
        "ordergrid.order.placement.duration", "s", "From an order grain receiving a placement to its answer, the reservation included.", advice: Seconds);

    /// <summary>Placements whose reservation found too little stock: the order waits for stock (backordered).</summary>
    public static readonly Counter<long> ReservationsShort = Meter.CreateCounter<long>(
        "ordergrid.reservations.short", "{reservation}", "Placements whose reservation found too little stock: the order waits for stock (backordered).");

    /// <summary>State writes carried by one storage commit, by store (a stock grain's group commit: <c>stock</c>).</summary>
    public static readonly Histogram<int> StorageBatchSize = Meter.CreateHistogram(
        "ordergrid.storage.batch.size", "{change}", "Changes carried by one storage commit, by store.", advice: Writes);

    /// <summary>
    /// Grain state reads (an activation loading its state), by store and by <c>found</c>: false for a grain that had no
    /// state yet (a brand-new key the storage was not told about, see <see cref="StorageReadsSkipped"/>).
    /// </summary>
    public static readonly Counter<long> StorageReads = Meter.CreateCounter<long>(
        "ordergrid.storage.reads", "{read}", "Grain state reads, by store and whether state was found (found=false: a grain with no state yet).");

    /// <summary>
    /// Grain state reads answered without asking the database, by store: the state of a key this process had just
    /// minted (<see cref="Common.FreshGrainKeys"/>), which cannot have a row yet. Not counted in <see cref="StorageReads"/>.
    /// </summary>
    public static readonly Counter<long> StorageReadsSkipped = Meter.CreateCounter<long>(
        "ordergrid.storage.reads.skipped", "{read}", "Grain state reads answered without the database: a grain whose key this process had just minted (no state yet).");

    /// <summary>How long one storage commit took, by store.</summary>
    public static readonly Histogram<double> StorageCommitDuration = Meter.CreateHistogram(
        "ordergrid.storage.commit.duration", "s", "How long one storage commit took, by store.", advice: Seconds);

    /// <summary>From an order change's commit to its pushes leaving this node for the screens following it.</summary>
    public static readonly Histogram<double> PushLatency = Meter.CreateHistogram(
        "ordergrid.push.latency", "s", "From an order change's commit to its pushes leaving this node.", advice: Seconds);
}