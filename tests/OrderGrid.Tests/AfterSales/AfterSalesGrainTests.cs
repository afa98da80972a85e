using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.AfterSales;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class AfterSalesGrainTests(ClusterFixture cluster)
{
    private static readonly Actor Ops = ClusterFixture.Ops;

    [Fact]
    public async Task Resaleable_units_go_back_to_stock_once_and_damaged_ones_are_written_off()
    {
        var (order, sku) = await DeliveredOrder(3);
        var opened = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, 3)], "Wrong size", Actor.Customer(order.CustomerId));
        var rma = cluster.Grains.GetGrain<IReturnGrain>(opened.Value!.Id);
        await rma.Approve(Ops);
        var before = await cluster.Stock("w1", sku).GetLevel();

        var received = await rma.Receive([new ReceivedLine(sku, 2, ReturnCondition.Resaleable), new ReceivedLine(sku, 1, ReturnCondition.Damaged)], Ops);
        var retried = await rma.Receive([new ReceivedLine(sku, 2, ReturnCondition.Resaleable), new ReceivedLine(sku, 1, ReturnCondition.Damaged)], Ops);

        Assert.Equal($"RMA-{order.Id[3..]}-1", opened.Value.Id);
        Assert.True(received.Succeeded, received.Refusal?.Message);
        Assert.Equal(RefusalKind.Conflict, retried.Refusal?.Kind);
        var after = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal(before.OnHand + 2, after.OnHand);
        var timeline = (await cluster.Order(order.Id).Get())!;
        Assert.Equal(["return.requested", "return.approved", "return.received"], timeline.Timeline.Where(e => e.Kind.StartsWith("return.", StringComparison.Ordinal)).Select(e => e.Kind));
        Assert.Contains(timeline.Status, new[] { OrderStatus.Delivered, OrderStatus.Completed });
    }

    [Fact]
    public async Task A_return_cannot_claim_more_than_was_shipped_less_earlier_returns()
    {
        var (order, sku) = await DeliveredOrder(2);
        var first = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, 1)], "Broken", Ops);

        var tooMany = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, 2)], "Broken", Ops);
        var unknown = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest("sku-never-shipped", 1)], "Broken", Ops);
        var rest = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, 1)], "Broken", Ops);

        Assert.True(first.Succeeded);
        Assert.Equal(RefusalKind.Invalid, tooMany.Refusal?.Kind);
        Assert.Equal(RefusalKind.Invalid, unknown.Refusal?.Kind);
        Assert.Equal($"RMA-{order.Id[3..]}-2", rest.Value?.Id);
        Assert.Equal(2, (await AfterSales(order.Id).Returns()).Length);
    }

    [Fact]
    public async Task An_order_not_yet_delivered_cannot_be_returned()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 1);
        var order = await cluster.Place((sku, 1));

        var refused = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, 1)], "Changed my mind", Ops);

        Assert.Equal("return.not-delivered", refused.Refusal?.Code);
    }

    [Fact]
    public async Task A_received_return_is_refunded_once_at_the_order_price()
    {
        var (order, sku) = await DeliveredOrder(2, unitPrice: 12.5m);
        var rma = await ApprovedReturn(order, sku, 2);
        await rma.Receive([new ReceivedLine(sku, 2, ReturnCondition.Resaleable)], Ops);

        var refunded = await rma.Refund("card", "PAY-42", Ops);
        var again = await rma.Refund("card", "PAY-43", Ops);

        Assert.Equal(25m, refunded.Value?.Refund?.Amount);
        Assert.Equal("return.already-refunded", again.Refusal?.Code);
        Assert.Single((await cluster.Order(order.Id).Get())!.Timeline, e => e.Kind == "return.refunded");
    }

    [Fact]
    public async Task An_exchange_places_one_replacement_order_linked_both_ways()
    {
        var (order, sku) = await DeliveredOrder(2, stock: 10);
        var rma = await ApprovedReturn(order, sku, 1);

        var exchanged = await rma.Exchange(Ops);
        var again = await rma.Exchange(Ops);

        var replacementId = exchanged.Value!.ReplacementOrderId!;
        Assert.Equal(replacementId, again.Value?.ReplacementOrderId);
        var replacement = (await cluster.Order(replacementId).Get())!;
        Assert.Equal((order.CustomerId, sku, 1), (replacement.CustomerId, replacement.Lines[0].Sku, replacement.Lines[0].Quantity));
        Assert.Contains(replacement.Timeline, e => e.Kind == "exchange.created" && e.Description.Contains(exchanged.Value.Id, StringComparison.Ordinal));
        Assert.Single((await cluster.Order(order.Id).Get())!.Timeline, e => e.Kind == "exchange.created");
    }

    [Fact]
    public async Task Ticket_messages_move_its_status_and_a_closed_ticket_takes_no_more()
    {
        var (order, _) = await DeliveredOrder(1);
        var opened = (await AfterSales(order.Id).OpenTicket(TicketCategory.Damaged, "The box was crushed", Actor.Customer(order.CustomerId))).Value!;
        var ticket = cluster.Grains.GetGrain<ITicketGrain>(opened.Id);

        var answered = (await ticket.Post("Sorry! Send a photo please.", Ops)).Value!;
        var reopened = (await ticket.Post("Here it is.", Actor.Customer(order.CustomerId))).Value!;
        await ticket.SetStatus(TicketStatus.Closed, Ops);
        var late = await ticket.Post("One more thing", Actor.Customer(order.CustomerId));

        Assert.Equal((TicketStatus.Answered, TicketStatus.Open), (answered.Status, reopened.Status));
        Assert.Equal([1, 2, 3], reopened.Messages.Select(m => m.Number));
        Assert.Equal("ticket.is-closed", late.Refusal?.Code);
        Assert.Single((await cluster.Order(order.Id).Get())!.Timeline, e => e.Kind == "ticket.opened");
        Assert.Single(await AfterSales(order.Id).Tickets());
    }

    [Fact]
    public async Task Rating_before_it_is_due_is_refused()
    {
        var (order, _) = await DeliveredOrder(1);

        var feedback = (await AfterSales(order.Id).Feedback()).Value!;
        var early = await AfterSales(order.Id).Rate(5, "Great", Actor.Customer(order.CustomerId));

        Assert.False(feedback.Due);
        Assert.NotNull(feedback.DueAt);
        Assert.Equal("feedback.not-due", early.Refusal?.Code);
    }

    [Fact]
    public async Task Recording_the_same_after_sales_note_twice_writes_it_once_and_keeps_the_status()
    {
        var (order, _) = await DeliveredOrder(1);
        var note = new AfterSalesNote("note-1", "ticket.opened", "A note.", Ops);

        var first = (await cluster.Order(order.Id).RecordAfterSales(note)).Value!;
        var second = (await cluster.Order(order.Id).RecordAfterSales(note)).Value!;

        var entry = Assert.Single(second.Timeline, e => e.Kind == "ticket.opened");
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Status, entry.Status);
        Assert.Contains(entry.Status, new[] { OrderStatus.Delivered, OrderStatus.Completed });
    }

    private IOrderAfterSalesGrain AfterSales(string orderId) => cluster.Grains.GetGrain<IOrderAfterSalesGrain>(orderId);

    private async Task<IReturnGrain> ApprovedReturn(OrderView order, string sku, int quantity)
    {
        var opened = await AfterSales(order.Id).RequestReturn([new ReturnLineRequest(sku, quantity)], "Not as described", Ops);
        var rma = cluster.Grains.GetGrain<IReturnGrain>(opened.Value!.Id);
        Assert.True((await rma.Approve(Ops)).Succeeded);
        return rma;
    }

    /// <summary>A single-line order picked, packed, shipped from w1 and delivered.</summary>
    private async Task<(OrderView Order, string Sku)> DeliveredOrder(int quantity, decimal unitPrice = 10m, int? stock = null)
    {
        var sku = await cluster.NewProduct(unitPrice);
        await cluster.Receive("w1", sku, stock ?? quantity);
        var placed = await cluster.Place((sku, quantity));
        var order = cluster.Order(placed.Id);
        var pickListId = (await order.IssuePickLists(Ops)).Value!.PickLists[0].Id;
        await order.MarkPicked(pickListId, Ops);
        await order.MarkPacked(pickListId, Ops);
        var label = (await order.Ship(pickListId, "DHL", Ops)).Value!;
        var now = DateTimeOffset.UtcNow;
        await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Record(new TrackingEvent(ShipmentStatus.Delivered, "Door", now, now, Actor.Carrier("DHL")));
        return (await cluster.Eventually(placed.Id, o => o.Status is OrderStatus.Delivered or OrderStatus.Completed), sku);
    }
}