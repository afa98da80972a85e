using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Api.Live;

/// <summary>Live pushes: section <c>OrderGrid:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string Section = "OrderGrid:Live";

    /// <summary>How often a node renews its place in the live network (its lease is 45 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan Renew { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each node asks the wall for a newer snapshot to push to its wall screens.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WallInterval { get; set; } = TimeSpan.FromSeconds(1);
}