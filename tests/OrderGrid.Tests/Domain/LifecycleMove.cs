namespace OrderGrid.Tests.Domain;

/// <summary>Every command of the order lifecycle, as a name a theory row can carry.</summary>
public enum LifecycleMove
{
    Place,
    Approve,
    Reject,
    Cancel,
    RecordReservation,
    AllocateStock,
    RecordRelease,
    IssuePickLists,
    MarkPicked,
    MarkPacked,
    Ship,
    RecordDispatch,
    FollowShipment,
    Complete,
}