using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Tests.Domain;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.Merge;

/// <summary>An order joining a merge, pure: <see cref="AnOrder"/> being prepared with every pick list open.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class MergeLifecycleTests
{
    private const string MergeId = "MG-0000-0001";

    private static readonly ShippingLabel Label = new("SH-MERG-0001", "DHL", "DH000000001GB");

    [Fact]
    public void An_order_with_nothing_picked_joins_a_merge_and_says_so_on_its_own_timeline()
    {
        var result = OrderLifecycle.Decide(Open(), Merging(MergeId));

        Assert.True(result.Accepted);
        Assert.Equal((MergeId, Processing), (result.State.MergeId, result.State.Status));
        var merged = Assert.Single(result.Events);
        Assert.Equal("order.merged", merged.Kind);
        Assert.Contains("OG-OTHER-0001", merged.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Joining_the_same_merge_again_changes_nothing_and_another_merge_is_refused()
    {
        var merged = OrderLifecycle.Decide(Open(), Merging(MergeId)).State;

        var again = OrderLifecycle.Decide(merged, Merging(MergeId));
        var other = OrderLifecycle.Decide(merged, Merging("MG-0000-0002"));

        Assert.True(again.Accepted);
        Assert.Empty(again.Events);
        Assert.Equal("order.already-merged", other.Refusal?.Code);
    }

    [Fact]
    public void A_picked_order_or_one_not_being_prepared_cannot_be_merged()
    {
        var picked = OrderLifecycle.Decide(AnOrder.In(Processing), Merging(MergeId));
        var reserved = OrderLifecycle.Decide(AnOrder.In(Reserved), Merging(MergeId));
        var pickup = OrderLifecycle.Decide(Open() with { Fulfilment = Fulfilment.Pickup("w1") }, Merging(MergeId));

        Assert.All([picked, reserved, pickup], r => Assert.Equal((RefusalKind.Conflict, "order.not-mergeable"), (r.Refusal?.Kind, r.Refusal?.Code)));
    }

    [Fact]
    public void A_merged_order_is_not_shipped_changed_or_split_on_its_own()
    {
        var merged = Packed(OrderLifecycle.Decide(Open(), Merging(MergeId)).State);

        var ship = OrderLifecycle.Decide(merged, new ShipPickListCommand(AnOrder.PickListId(1), Label, AnOrder.Staff, AnOrder.Later));
        var modify = OrderLifecycle.Decide(merged, new ModifyOrderCommand(merged.Lines, null, false, [], AnOrder.Staff, AnOrder.Later));
        var split = OrderLifecycle.Decide(merged, new SplitOrderCommand(AnOrder.Staff, AnOrder.Later));

        Assert.All([ship, modify, split], r => Assert.Equal("order.in-merge", r.Refusal?.Code));
    }

    [Fact]
    public void A_merged_order_ships_under_the_merge_label()
    {
        var merged = Packed(OrderLifecycle.Decide(Open(), Merging(MergeId)).State);

        var shipped = OrderLifecycle.Decide(merged, new ShipMergedCommand(MergeId, AnOrder.PickListId(1), Label, AnOrder.Staff, AnOrder.Later));
        var elsewhere = OrderLifecycle.Decide(merged, new ShipMergedCommand("MG-0000-0002", AnOrder.PickListId(1), Label, AnOrder.Staff, AnOrder.Later));

        Assert.True(shipped.Accepted, shipped.Refusal?.Message);
        Assert.Equal(Label.ShipmentId, shipped.State.Shipments[0].ShipmentId);
        Assert.Equal("order.not-merged", elsewhere.Refusal?.Code);
    }

    [Fact]
    public void A_merged_order_can_be_cancelled_before_picking_but_not_after()
    {
        var merged = OrderLifecycle.Decide(Open(), Merging(MergeId)).State;

        var before = OrderLifecycle.Decide(merged, new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later));
        var after = OrderLifecycle.Decide(Packed(merged), new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later));

        Assert.Equal(Cancelled, before.State.Status);
        Assert.Equal("order.in-merge", after.Refusal?.Code);
    }

    private static OrderState Open()
    {
        var order = AnOrder.In(Processing);
        return order with { PickLists = [.. order.PickLists.Select(p => p with { Status = PickListStatus.Open })] };
    }

    private static OrderState Packed(OrderState order) =>
        order with { PickLists = [.. order.PickLists.Select(p => p with { Status = PickListStatus.Packed })] };

    private static MergeOrderCommand Merging(string mergeId) => new(mergeId, ["OG-OTHER-0001"], AnOrder.Staff, AnOrder.Later);
}