using OrderGrid.Common;

namespace OrderGrid.Shipping;

/// <summary>One shipment, keyed by its id (e.g. <c>SH-4T8W-M2QX</c>).</summary>
public interface IShipmentGrain : IGrainWithStringKey
{
    /// <summary>Creates the shipment; creating it again with the same pick list changes nothing.</summary>
    /// <remarks>
    /// Interleaves: an order resuming an interrupted dispatch may call this while the shipment waits on that
    /// order to follow an event. The shipment then already exists and the call answers without awaiting anything.
    /// </remarks>
    [AlwaysInterleave]
    Task<ShipmentView> Create(NewShipment shipment);

    [ReadOnly]
    Task<ShipmentView?> Get();

    /// <summary>Records a carrier event and tells the order. Events after delivery are refused.</summary>
    Task<Outcome<ShipmentView>> Record(TrackingEvent trackingEvent);
}