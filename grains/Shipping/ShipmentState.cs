using System.Collections.Immutable;

namespace OrderGrid.Shipping;

[GenerateSerializer, Alias("og.shipment-state")]
public sealed record ShipmentState
{
    [Id(0)] public ShipmentView? Shipment { get; init; }

    /// <summary>Further orders whose pick lists travel in this shipment (a merge); each is told of every event.</summary>
    [Id(1)] public ImmutableArray<string> MergedOrders { get; init; } = [];

    public IEnumerable<string> Orders => Shipment is null ? [] : MergedOrders.Insert(0, Shipment.OrderId);
}