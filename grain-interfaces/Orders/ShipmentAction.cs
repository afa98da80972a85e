using System.Text.Json.Serialization;

namespace OrderGrid.Orders;

/// <summary>
/// A carrier event one shipment of an order may take now (<c>POST /api/shipments/{id}/events</c>); see
/// <see cref="OrderView.ShipmentActions"/>.
/// </summary>
[GenerateSerializer, Alias("og.shipment-action")]
public enum ShipmentAction
{
    [JsonStringEnumMemberName("in-transit")] InTransit = 0,
    [JsonStringEnumMemberName("out-for-delivery")] OutForDelivery = 1,
    [JsonStringEnumMemberName("delivered")] Delivered = 2,

    /// <summary>The carrier reports a problem (with a reason in the event's location).</summary>
    [JsonStringEnumMemberName("exception")] Exception = 3,
}