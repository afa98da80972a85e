using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Rules;
using OrderGrid.Stock;
using OrderGrid.Tests.Domain;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Fast)]
public sealed class OrderChangeLifecycleTests
{
    private static readonly OrderStatus[] Statuses = Enum.GetValues<OrderStatus>();

    public static TheoryData<OrderStatus> ModifiableStatuses() => [.. OrderTransitions.StatusesAllowing(OrderMove.Modify)];

    public static TheoryData<OrderStatus> LockedStatuses() => [.. Statuses.Except(OrderTransitions.StatusesAllowing(OrderMove.Modify))];

    [Theory]
    [MemberData(nameof(ModifiableStatuses))]
    public void A_change_before_pick_lists_is_written_to_the_timeline(OrderStatus status)
    {
        var result = OrderLifecycle.Decide(AnOrder.In(status), Modifying(AnOrder.Lines.SetItem(0, AnOrder.Lines[0] with { Quantity = 3 })));

        Assert.True(result.Accepted);
        var modified = Assert.Single(result.Events, e => e.Kind == "order.modified");
        Assert.Equal("Changed: quantity of Product SKU-A 1 → 3.", modified.Description);
        Assert.Equal(3, result.State.Lines[0].Quantity);
    }

    [Theory]
    [MemberData(nameof(LockedStatuses))]
    public void A_change_once_pick_lists_are_issued_is_refused(OrderStatus status)
    {
        var state = AnOrder.In(status);

        var result = OrderLifecycle.Decide(state, Modifying(AnOrder.Lines.RemoveAt(3)));

        Assert.Equal((RefusalKind.Conflict, "order.not-modifiable"), (result.Refusal?.Kind, result.Refusal?.Code));
        Assert.Same(state, result.State);
    }

    [Theory]
    [InlineData(Reserved, true)]
    [InlineData(Backordered, true)]
    [InlineData(Placed, false)]
    public void Changed_quantities_leave_the_reservation_to_be_adjusted(OrderStatus status, bool adjust)
    {
        var result = OrderLifecycle.Decide(AnOrder.In(status), Modifying(AnOrder.Lines.SetItem(1, AnOrder.Lines[1] with { Quantity = 2 })));

        Assert.Equal(adjust, result.State.Steps.Contains(new AdjustReservation()));
        Assert.Equal(status, result.State.Status);
        Assert.Equal(AnOrder.In(status).Lines[1].Allocations.ToArray(), result.State.Lines[1].Allocations.ToArray());
    }

    [Fact]
    public void Removed_lines_and_a_new_address_are_described_and_their_stock_is_given_back()
    {
        var moved = AnOrder.ShipTo with { Line1 = "2 Difference Street" };

        var result = OrderLifecycle.Decide(AnOrder.In(Reserved), Modifying(AnOrder.Lines.RemoveRange(2, 2), moved));

        Assert.Equal("Changed: removed Product SKU-C; removed Product SKU-D; address changed to 2 Difference Street, N1 9GU London, GB.", result.Events[0].Description);
        Assert.Contains(new ReturnStock(["SKU-C", "SKU-D"]), result.State.Steps);
        Assert.Equal(moved, result.State.ShipTo);
    }

    [Fact]
    public void The_same_lines_and_address_again_change_nothing()
    {
        var state = AnOrder.In(Reserved);

        var result = OrderLifecycle.Decide(state, Modifying(AnOrder.Lines));

        Assert.True(result.Accepted);
        Assert.Same(state, result.State);
    }

    [Fact]
    public void A_rule_that_now_holds_the_order_sends_it_to_review_and_gives_its_stock_back()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Reserved), Modifying(AnOrder.Lines.SetItem(0, AnOrder.Lines[0] with { Quantity = 900 }), hold: "order value above 5,000.00"));

        Assert.Equal(AwaitingReview, result.State.Status);
        Assert.Contains(new ReleaseStock(), result.State.Steps);
        Assert.DoesNotContain(new AdjustReservation(), result.State.Steps);
        Assert.Equal("Held for review by rule 'high value': order value above 5,000.00.", result.Events[^1].Description);
    }

    [Fact]
    public void A_rule_that_sets_another_priority_is_written_once()
    {
        var rush = new RuleDecision(2, "vip", new RuleAction(RuleActionKind.Priority, Level: OrderPriority.Express));
        var state = AnOrder.In(Reserved);

        var first = OrderLifecycle.Decide(state, Modifying(AnOrder.Lines.RemoveAt(0), decisions: [rush]));
        var again = OrderLifecycle.Decide(first.State, Modifying(AnOrder.Lines.RemoveRange(0, 2), decisions: [rush]));

        Assert.Equal(OrderPriority.Express, first.State.Priority);
        Assert.Single(first.Events, e => e.Kind == "order.rule-applied");
        Assert.DoesNotContain(again.Events, e => e.Kind == "order.rule-applied");
    }

    [Theory]
    [InlineData(null, Placed, "order.approved")]
    [InlineData("order value above 5,000.00", AwaitingReview, "order.held-for-review")]
    public void A_correction_in_review_proceeds_unless_a_rule_still_holds_it(string? hold, OrderStatus expected, string kind)
    {
        var result = OrderLifecycle.Decide(AnOrder.In(AwaitingReview), Modifying(AnOrder.Lines.RemoveAt(0), hold: hold, correction: true));

        Assert.Equal(expected, result.State.Status);
        Assert.Equal(hold is null, result.State.Steps.Contains(new ReserveStock()));
        Assert.Equal(kind, result.Events[^1].Kind);
    }

    [Fact]
    public void Only_an_order_awaiting_review_can_be_corrected()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Reserved), Modifying(AnOrder.Lines.RemoveAt(0), correction: true));

        Assert.Equal("order.not-awaiting-review", result.Refusal?.Code);
    }

    [Theory]
    [InlineData(1, Reserved, "stock.adjusted")]
    [InlineData(0, Backordered, "order.backordered")]
    public void The_adjustment_answer_decides_whether_the_order_waits(int reserved, OrderStatus expected, string kind)
    {
        var changed = OrderLifecycle.Decide(AnOrder.In(Reserved), Modifying(AnOrder.Lines.SetItem(0, AnOrder.Lines[0] with { Quantity = 2 }))).State;
        ImmutableArray<Allocation> answer =
        [
            new("w1", "SKU-A", AnOrder.Id, 1 + reserved, 1 - reserved, 5),
            .. AnOrder.FullyReserved().Skip(1),
        ];

        var result = OrderLifecycle.Decide(changed, new StepDoneCommand(new AdjustReservation(), answer, Actor.System, AnOrder.Later));

        Assert.Equal(expected, result.State.Status);
        Assert.DoesNotContain(new AdjustReservation(), result.State.Steps);
        Assert.Equal((1 + reserved, 1 - reserved), (result.State.Lines[0].Reserved, result.State.Lines[0].Backordered));
        Assert.Equal(kind, result.Events[^1].Kind);
    }

    private static ModifyOrderCommand Modifying(
        ImmutableArray<OrderLine> lines, Address? shipTo = null, string? hold = null, bool correction = false, ImmutableArray<RuleDecision> decisions = default) =>
        new(
            [.. lines.Select(l => l with { Allocations = [] })],
            shipTo ?? AnOrder.ShipTo,
            correction,
            hold is null ? (decisions.IsDefault ? [] : decisions) : [new RuleDecision(1, "high value", new RuleAction(RuleActionKind.Hold, hold))],
            AnOrder.Staff,
            AnOrder.Later);

    [Fact]
    public void Sourcing_from_several_warehouses_is_written_as_a_split_into_one_shipment_each()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Reserved), new IssuePickListsCommand(AnOrder.Staff, AnOrder.Later));

        var split = Assert.Single(result.Events, e => e.Kind == "order.split");
        Assert.Equal("Split into 4 shipments, one from each warehouse: w1, w2, w3, w4.", split.Description);
        Assert.Equal(Processing, result.State.Status);
    }

    [Fact]
    public void Pick_lists_from_one_warehouse_are_no_split()
    {
        var oneWarehouse = AnOrder.In(Reserved) with
        {
            Lines = [.. AnOrder.Lines.Select(l => l with { Allocations = [new LineAllocation("w1", 1, 0, 1)] })],
        };

        var result = OrderLifecycle.Decide(oneWarehouse, new IssuePickListsCommand(AnOrder.Staff, AnOrder.Later));

        Assert.DoesNotContain(result.Events, e => e.Kind == "order.split");
    }
}