namespace OrderGrid.Demo;

/// <summary>What the simulated customer, staff or carrier does next to an order.</summary>
internal enum DemoAction
{
    Place,

    /// <summary>Nothing yet: look again later.</summary>
    Wait,
    Approve,
    IssuePickLists,
    MarkPicked,
    MarkPacked,
    Ship,

    /// <summary>A carrier event on the shipment.</summary>
    Track,

    /// <summary>Order the missing stock from the supplier.</summary>
    Restock,

    /// <summary>The story is over (delivered, cancelled) or left for people (a held order, a lost parcel).</summary>
    StopFollowing,
}