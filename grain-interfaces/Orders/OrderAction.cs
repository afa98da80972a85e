using System.Text.Json.Serialization;

namespace OrderGrid.Orders;

/// <summary>
/// Something that may be done with a whole order now. The order's views carry the ones its transition table allows
/// (<see cref="OrderView.AllowedActions"/> for staff, <see cref="OrderView.CustomerActions"/> for the holder of its
/// tracking link), so pages render buttons from them and never guess. The JSON names are kebab-case and stable.
/// </summary>
[GenerateSerializer, Alias("og.order-action")]
public enum OrderAction
{
    /// <summary>Staff: let an order held for review go on to reservation.</summary>
    [JsonStringEnumMemberName("approve")] Approve = 0,

    /// <summary>Staff: refuse an order held for review (it is cancelled).</summary>
    [JsonStringEnumMemberName("reject")] Reject = 1,

    /// <summary>Staff: change lines or address of an order held for review and validate it again.</summary>
    [JsonStringEnumMemberName("correct")] Correct = 2,

    /// <summary>Staff: change lines or address before pick lists are issued.</summary>
    [JsonStringEnumMemberName("modify")] Modify = 3,

    /// <summary>Staff and customer: cancel before anything has left a warehouse.</summary>
    [JsonStringEnumMemberName("cancel")] Cancel = 4,

    /// <summary>Staff: issue pick lists for the units reserved and on no pick list yet.</summary>
    [JsonStringEnumMemberName("issue-pick-lists")] IssuePickLists = 5,

    /// <summary>Staff: a backordered order ships what is reserved now, the rest when its stock arrives.</summary>
    [JsonStringEnumMemberName("split")] Split = 6,

    /// <summary>Staff: the order can join a merge (being prepared, nothing picked, delivered by a carrier).</summary>
    [JsonStringEnumMemberName("merge")] Merge = 7,

    /// <summary>Customer: change the delivery address (the modification with a new address).</summary>
    [JsonStringEnumMemberName("change-address")] ChangeAddress = 8,

    /// <summary>Customer: change quantities or remove lines (the modification with new lines).</summary>
    [JsonStringEnumMemberName("change-quantities")] ChangeQuantities = 9,

    /// <summary>Customer's choice when stock is short: ship what is reserved now, the rest later (the split).</summary>
    [JsonStringEnumMemberName("ship-available-now")] ShipAvailableNow = 10,

    /// <summary>Customer's choice when stock is short: keep only the reserved units (the modification without them, the refund of the rest recorded).</summary>
    [JsonStringEnumMemberName("drop-missing-lines")] DropMissingLines = 11,

    /// <summary>Customer's choice when stock is short: wait and receive everything in one go (recorded; nothing else changes).</summary>
    [JsonStringEnumMemberName("wait-for-stock")] WaitForStock = 12,
}