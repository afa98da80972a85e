namespace OrderGrid.Api.Orders;

/// <summary>The orders of the order list: <c>-placedAt</c> (newest first, the default), <c>placedAt</c>, <c>total</c>, <c>-total</c>, <c>status</c>.</summary>
public enum OrderListSort
{
    NewestFirst = 0,
    OldestFirst = 1,
    SmallestTotalFirst = 2,
    LargestTotalFirst = 3,

    /// <summary>By status name, newest first within a status.</summary>
    Status = 4,
}