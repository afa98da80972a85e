namespace OrderGrid.Orders;

/// <summary>
/// Every kind of command the order lifecycle decides on, as a name its transition table (<see cref="OrderTransitions"/>)
/// and the state diagram can carry (kebab-case there: <c>issue-pick-lists</c>).
/// </summary>
public enum OrderMove
{
    Place,
    Approve,
    Reject,
    Correct,
    Modify,
    Cancel,
    RecordReservation,
    AllocateStock,
    RecordAdjustment,
    IssuePickLists,
    Split,

    /// <summary>The customer chose to wait for the missing stock (recorded; the order keeps waiting).</summary>
    WaitForStock,
    Merge,
    Picked,
    Packed,
    Ship,
    ShipMerged,
    ReadyForPickup,
    Collected,

    /// <summary>A carrier event on one of the order's shipments (the order follows its least advanced shipment).</summary>
    CarrierEvent,
    Complete,

    /// <summary>A return is opened for the order (decided by its after-sales grain from the order's status).</summary>
    RequestReturn,
    RecordRelease,
    RecordDispatch,
    RecordCollectionDispatch,
    RecordStockReturned,
    RecordAfterSales,

    /// <summary>
    /// The day open purchase orders bring a waiting line's units changed (a purchase order was placed or received):
    /// noted on the timeline while the line waits, so the order's followers hear of it.
    /// </summary>
    RecordExpectedDay,
}