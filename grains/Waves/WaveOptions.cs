using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Waves;

/// <summary>How waves are planned.</summary>
public sealed class WaveOptions
{
    public const string Section = "OrderGrid:Waves";

    /// <summary>The most pick lists one wave takes when the request names no number.</summary>
    [Range(1, PickQueueRules.MaxPickListsPerWave)]
    public int DefaultPickLists { get; set; } = 10;
}