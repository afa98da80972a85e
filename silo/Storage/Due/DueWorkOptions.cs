using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>How each silo looks for due work (<see cref="DueGrainScanner"/>): section <c>OrderGrid:DueWork</c>.</summary>
public sealed class DueWorkOptions
{
    public const string Section = "OrderGrid:DueWork";

    /// <summary>
    /// How often the silo reads the wake-up times that have passed. Work is done at most this late after its time when
    /// no timer of a live activation did it first (after a restart, a deactivation, a silo lost).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScanEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether this silo scans on its timer. Every silo may (a grain woken twice does its work once); switch it off on
    /// silos that should leave the scans to others. Tests switch it off to scan by hand at the moments they choose.
    /// </summary>
    public bool Scan { get; set; } = true;

    /// <summary>Grains woken per scan at most (earliest first); the rest wait for the next scan.</summary>
    [Range(1, 100_000)]
    public int PerScan { get; set; } = 1000;

    /// <summary>Wake calls in flight at once during a scan.</summary>
    [Range(1, 256)]
    public int Parallel { get; set; } = 16;
}