namespace OrderGrid.Live;

/// <summary>How long a live node stays known without being heard of again.</summary>
public static class LiveNodeLease
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(45);
}