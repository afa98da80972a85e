using System.Text.Json.Serialization;

namespace OrderGrid.Orders;

/// <summary>A move one pick list of an order may make now (staff); see <see cref="OrderView.PickListActions"/>.</summary>
[GenerateSerializer, Alias("og.pick-list-action")]
public enum PickListAction
{
    [JsonStringEnumMemberName("picked")] Picked = 0,
    [JsonStringEnumMemberName("packed")] Packed = 1,

    /// <summary>Hand the packed goods to a carrier (delivery orders that are not merged: a merge ships as one).</summary>
    [JsonStringEnumMemberName("ship")] Ship = 2,

    /// <summary>Click &amp; collect: the packed goods wait in the store.</summary>
    [JsonStringEnumMemberName("ready-for-pickup")] ReadyForPickup = 3,

    /// <summary>Click &amp; collect: the customer took the goods.</summary>
    [JsonStringEnumMemberName("collected")] Collected = 4,
}