using System.Collections.Immutable;

using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Shipping;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

/// <summary>One order, keyed by its id (e.g. <c>OG-7K3M-2Q9F</c>). Drives the order lifecycle.</summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Validates, applies review rules and reserves stock before answering.</summary>
    Task<Outcome<OrderPlacement>> Place(PlaceOrder command);

    /// <summary>The order as staff see it, or null when no order has this id.</summary>
    /// <remarks>
    /// Interleaves with every call and timer of the order and answers the order as last stored: a read never waits
    /// behind a write or a delivery, so a caller that the change feed waits for (after-sales) can always read it.
    /// </remarks>
    [AlwaysInterleave]
    Task<OrderView?> Get();

    /// <summary>The order for its customer: null unless <paramref name="trackingToken"/> matches (interleaves like <see cref="Get"/>).</summary>
    [AlwaysInterleave]
    Task<OrderView?> GetForCustomer(string trackingToken);

    Task<Outcome<OrderView>> Approve(Actor by);

    Task<Outcome<OrderView>> Reject(string reason, Actor by);

    Task<Outcome<OrderView>> Cancel(string reason, Actor by);

    Task<Outcome<OrderView>> IssuePickLists(Actor by);

    Task<Outcome<OrderView>> MarkPicked(string pickListId, Actor by);

    Task<Outcome<OrderView>> MarkPacked(string pickListId, Actor by);

    /// <summary>Hands a packed pick list to a carrier; the configured default carrier when none is named.</summary>
    Task<Outcome<ShippingLabel>> Ship(string pickListId, string? carrier, Actor by);

    /// <summary>A shipment of this order moved on (told by the shipment).</summary>
    Task FollowShipment(ShipmentProgress progress);

    /// <summary>Stock arrived for a backordered line (told by the stock grain, one way: it never waits on an order).</summary>
    [OneWay]
    Task StockAllocated(Allocation allocation);

    /// <summary>
    /// A purchase order changed the day the stock of <paramref name="sku"/> expects this order's waiting units (told by
    /// the stock grain, one way): the order works out its line's day over every warehouse where it waits and notes it.
    /// </summary>
    [OneWay]
    Task ExpectedDayChanged(string sku);

    /// <summary>
    /// Changes lines and address before pick lists are issued: priced and validated like placement, rules re-run,
    /// the reservation moved by the difference only. Refused (conflict) once pick lists are issued.
    /// </summary>
    Task<Outcome<OrderView>> Modify(ModifyOrder change, Actor by);

    /// <summary>A packed pickup order waits in its store for the customer (409 for a delivery order).</summary>
    Task<Outcome<OrderView>> MarkReadyForPickup(string pickListId, Actor by);

    /// <summary>The customer collected a pickup order: its stock leaves the store and the order is delivered.</summary>
    Task<Outcome<OrderView>> MarkCollected(string pickListId, Actor by);

    /// <summary>Notes an after-sales step on the timeline (once per note id); the status does not change.</summary>
    Task<Outcome<OrderView>> RecordAfterSales(AfterSalesNote note);

    /// <summary>
    /// Carries out the steps the order left unfinished (a crash between a change and its stock step): called by the
    /// silo's sweep of unfinished orders at start, so they finish without waiting for a read.
    /// </summary>
    Task ResumeSteps();

    /// <summary>
    /// Ships what a backordered order has reserved now (one pick list per warehouse); the rest follows on further pick
    /// lists once its stock arrives. Refused (conflict) when nothing is reserved or nothing waits.
    /// </summary>
    Task<Outcome<OrderView>> Split(Actor by);

    /// <summary>
    /// The customer's choice when part of a backordered order waits for stock: wait and receive everything in one go.
    /// Recorded on the timeline; nothing else changes. Refused (conflict) when there is no choice to make or it was made.
    /// </summary>
    Task<Outcome<OrderView>> WaitForStock(Actor by);

    /// <summary>
    /// The customer's choice when part of a backordered order waits for stock: keep only the reserved units (a
    /// modification: lines with nothing reserved go, the others shrink to what is reserved) and record the refund of
    /// the dropped units' value. Refused (conflict) when nothing is missing or nothing would be left.
    /// </summary>
    Task<Outcome<OrderView>> DropMissingLines(Actor by);

    /// <summary>Joins merge <paramref name="mergeId"/> with the other orders <paramref name="with"/> (again: no change).</summary>
    Task<Outcome<OrderView>> Merge(string mergeId, ImmutableArray<string> with, Actor by);

    /// <summary>Ships a packed pick list of a merged order under the merge's label (a retry answers the label it got).</summary>
    Task<Outcome<ShippingLabel>> ShipMerged(string mergeId, string pickListId, ShippingLabel label, Actor by);
}