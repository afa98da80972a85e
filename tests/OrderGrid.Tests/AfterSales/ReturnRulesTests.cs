using System.Collections.Immutable;

using Microsoft.Extensions.Time.Testing;

using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Tests.AfterSales;

[Trait(Lane.Name, Lane.Fast)]
public sealed class ReturnRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReturnView Requested = new(
        "RMA-TEST-0001-1", "OG-TEST-0001", ReturnStatus.Requested,
        [new ReturnLine("sku-a", "A", 3, 10m, "w1"), new ReturnLine("sku-b", "B", 1, 25m, "w2")],
        "too big", Actor.Customer("c1"), Now, Now, null, null, null);

    [Theory]
    [InlineData(ReturnStatus.Requested, true)]
    [InlineData(ReturnStatus.Approved, false)]
    [InlineData(ReturnStatus.Declined, false)]
    [InlineData(ReturnStatus.Received, false)]
    [InlineData(ReturnStatus.Refunded, false)]
    public void Only_a_requested_return_is_approved_or_declined(ReturnStatus status, bool allowed)
    {
        var r = Requested with { Status = status };

        Assert.Equal(allowed, ReturnRules.Approve(r, Now).Succeeded);
        Assert.Equal(allowed, ReturnRules.Decline(r, "worn", Now).Succeeded);
        Assert.Equal(allowed ? null : RefusalKind.Conflict, ReturnRules.Approve(r, Now).Refusal?.Kind);
    }

    public static TheoryData<ReturnStatus, bool> EveryStatus()
    {
        var data = new TheoryData<ReturnStatus, bool>();
        foreach (var status in Enum.GetValues<ReturnStatus>())
        {
            data.Add(status, false);
            data.Add(status, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_step_a_return_offers_is_taken_and_every_other_is_refused(ReturnStatus status, bool replaced)
    {
        var r = Requested with { Status = status, ReplacementOrderId = replaced ? "OG-REPL-0001" : null };
        var all = r.Lines.Select(l => new ReceivedLine(l.Sku, l.Quantity, ReturnCondition.Resaleable)).ToImmutableArray();

        foreach (var action in Enum.GetValues<ReturnAction>())
        {
            var taken = action switch
            {
                ReturnAction.Approve => ReturnRules.Approve(r, Now).Succeeded,
                ReturnAction.Decline => ReturnRules.Decline(r, "worn", Now).Succeeded,
                ReturnAction.Receive => ReturnRules.Receive(r, all, Now).Succeeded,
                ReturnAction.Refund => ReturnRules.Refund(r, "card", null, Actor.Staff("ops"), Now).Succeeded,
                _ => ReturnRules.CheckExchange(r) is null && r.ReplacementOrderId is null,
            };

            Assert.True(taken == r.AllowedActions.Contains(action), $"{status}{(replaced ? ", replaced" : "")}: {action} offered {r.AllowedActions.Contains(action)}, taken {taken}.");
        }
    }

    [Fact]
    public void Receiving_counts_resaleable_and_damaged_units_per_line()
    {
        var received = ReturnRules.Receive(Requested with { Status = ReturnStatus.Approved },
            [new ReceivedLine("sku-a", 2, ReturnCondition.Resaleable), new ReceivedLine("sku-a", 1, ReturnCondition.Damaged)], Now).Value!;

        Assert.Equal(ReturnStatus.Received, received.Status);
        Assert.Equal((2, 1), (received.Lines[0].Resaleable, received.Lines[0].Damaged));
        Assert.Equal(0, received.Lines[1].Received);
        Assert.Equal(30m, ReturnRules.RefundAmount(received));
    }

    [Fact]
    public void Receiving_more_than_the_return_names_or_an_unknown_sku_is_invalid()
    {
        var approved = Requested with { Status = ReturnStatus.Approved };

        var tooMany = ReturnRules.Receive(approved, [new ReceivedLine("sku-b", 2, ReturnCondition.Resaleable)], Now);
        var unknown = ReturnRules.Receive(approved, [new ReceivedLine("sku-z", 1, ReturnCondition.Resaleable)], Now);
        var notApproved = ReturnRules.Receive(Requested, [new ReceivedLine("sku-b", 1, ReturnCondition.Resaleable)], Now);

        Assert.Equal(RefusalKind.Invalid, tooMany.Refusal?.Kind);
        Assert.Equal(RefusalKind.Invalid, unknown.Refusal?.Kind);
        Assert.Equal(RefusalKind.Conflict, notApproved.Refusal?.Kind);
    }

    [Fact]
    public void A_return_is_refunded_once_for_the_received_units()
    {
        var received = ReturnRules.Receive(Requested with { Status = ReturnStatus.Approved }, [new ReceivedLine("sku-b", 1, ReturnCondition.Damaged)], Now).Value!;

        var refunded = ReturnRules.Refund(received, "card", "PAY-1", Actor.Staff("ops"), Now).Value!;
        var again = ReturnRules.Refund(refunded, "card", "PAY-2", Actor.Staff("ops"), Now);

        Assert.Equal((25m, "card", "PAY-1"), (refunded.Refund!.Amount, refunded.Refund.Method, refunded.Refund.Reference));
        Assert.Equal("return.already-refunded", again.Refusal?.Code);
        Assert.Equal(RefusalKind.Conflict, ReturnRules.Refund(Requested, "card", null, Actor.Staff("ops"), Now).Refusal?.Kind);
    }

    [Fact]
    public void Feedback_is_due_only_after_the_configured_days_from_delivery()
    {
        var clock = new FakeTimeProvider(Now);
        var delivered = new TimelineEntry(5, clock.GetUtcNow(), "shipment.delivered", "Delivered.", Actor.Carrier("DHL"), OrderStatus.Delivered);
        var order = new OrderView("OG-TEST-0001", OrderStatus.Delivered, "t", SalesChannel.Web, "c1", null, null,
            new Address("A", "1 Road", null, "Town", "N1", "GB"), [], 0m, [], [], [], [delivered], Now, Now, 5);
        var notDelivered = order with { Status = OrderStatus.Shipped, Timeline = [] };

        var before = FeedbackSchedule.IsDue(order, TimeSpan.FromDays(3), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var almost = FeedbackSchedule.IsDue(order, TimeSpan.FromDays(3), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = FeedbackSchedule.IsDue(order, TimeSpan.FromDays(3), clock.GetUtcNow());

        Assert.Equal((false, false, true), (before, almost, after));
        Assert.False(FeedbackSchedule.IsDue(notDelivered, TimeSpan.FromDays(3), clock.GetUtcNow()));
        Assert.Equal(ImmutableArray<TimelineEntry>.Empty, notDelivered.Timeline);
    }
}