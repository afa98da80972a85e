namespace OrderGrid.Silo.Seed;

/// <summary>Demo data: section <c>OrderGrid:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "OrderGrid:Demo";

    /// <summary>Seed the demo catalog and stock after the silo starts (on in Development).</summary>
    public bool Seed { get; set; }
}