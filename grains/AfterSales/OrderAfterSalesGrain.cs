using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.DueWork;
using OrderGrid.Orders;

namespace OrderGrid.AfterSales;

/// <summary>
/// After-sales of one order. Returns are opened here, one at a time, so two requests can never claim the same
/// shipped units; returns and tickets are numbered per order (<c>RMA-7K3M-2Q9F-1</c>, <c>TK-7K3M-2Q9F-1</c>).
/// </summary>
[GrainType("order-after-sales")]
public sealed class OrderAfterSalesGrain(
    [PersistentState("order-aftersales", "aftersales")] IPersistentState<OrderAfterSalesState> state,
    IOptions<FeedbackOptions> feedback,
    TimeProvider clock) : Grain, IOrderAfterSalesGrain, IDueWork, IRemindable
{
    private static readonly TimeSpan FeedbackRetry = TimeSpan.FromHours(1);

    private string OrderId => this.GetPrimaryKeyString();

    private string Suffix => OrderId.StartsWith("OG-", StringComparison.Ordinal) ? OrderId[3..] : OrderId;

    public async Task<Outcome<ReturnView>> RequestReturn(ImmutableArray<ReturnLineRequest> lines, string reason, Actor by)
    {
        if (await Order() is not { } order)
        {
            return OrderNotFound();
        }

        if (OrderTransitions.RefusalFor(OrderId, order.Status, OrderMove.RequestReturn) is { } notReturnable)
        {
            return notReturnable;
        }

        var left = Returnable(order, await Claimed()).ToDictionary(l => l.Sku, l => l.Quantity, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var returned = ImmutableArray.CreateBuilder<ReturnLine>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var shipped = Shipped(order).Where(x => x.Line.Sku == line.Sku).ToList();
            var open = left.GetValueOrDefault(line.Sku) - lines.Take(i).Where(l => l.Sku == line.Sku).Sum(l => l.Quantity);
            if (shipped.Count == 0)
            {
                errors[$"lines[{i}].sku"] = [$"SKU {line.Sku} was not shipped or collected on order {OrderId}."];
            }
            else if (line.Quantity > open)
            {
                errors[$"lines[{i}].quantity"] = [$"At most {Math.Max(open, 0)} unit(s) of {line.Sku} can still be returned."];
            }
            else
            {
                var unitPrice = order.Lines.First(l => l.Sku == line.Sku).UnitPrice;
                returned.Add(new ReturnLine(line.Sku, shipped[0].Line.Name, line.Quantity, unitPrice, shipped[0].WarehouseId));
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("return.invalid-lines", "Some lines cannot be returned.", errors.ToImmutableDictionary());
        }

        var id = $"RMA-{Suffix}-{state.State.Returns.Length + 1}";
        var opened = await GrainFactory.GetGrain<IReturnGrain>(id).Open(new ReturnOpening(OrderId, returned.ToImmutable(), reason, by));
        await Save(state.State with { Returns = state.State.Returns.Add(id) });
        return opened;
    }

    public async Task<ImmutableArray<AfterSalesAction>> AllowedActions()
    {
        if (await Order() is not { } order)
        {
            return [];
        }

        var actions = ImmutableArray.CreateBuilder<AfterSalesAction>();
        if (!Returnable(order, await Claimed()).IsEmpty)
        {
            actions.Add(AfterSalesAction.RequestReturn);
        }

        actions.Add(AfterSalesAction.OpenTicket);
        if (View(order).Due)
        {
            actions.Add(AfterSalesAction.Rate);
        }

        return actions.ToImmutable();
    }

    public async Task<ImmutableArray<ReturnableLine>> Returnable() =>
        await Order() is { } order ? Returnable(order, await Claimed()) : [];

    public async Task<ImmutableArray<ReturnView>> Returns() =>
        [.. (await Task.WhenAll(state.State.Returns.Select(id => GrainFactory.GetGrain<IReturnGrain>(id).Get()))).OfType<ReturnView>()];

    public async Task<Outcome<TicketView>> OpenTicket(TicketCategory category, string message, Actor by)
    {
        if (await Order() is null)
        {
            return OrderNotFound();
        }

        var id = $"TK-{Suffix}-{state.State.Tickets.Length + 1}";
        var opened = await GrainFactory.GetGrain<ITicketGrain>(id).Open(OrderId, category, message, by);
        await Save(state.State with { Tickets = state.State.Tickets.Add(id) });
        return opened;
    }

    public async Task<ImmutableArray<TicketView>> Tickets() =>
        [.. (await Task.WhenAll(state.State.Tickets.Select(id => GrainFactory.GetGrain<ITicketGrain>(id).Get()))).OfType<TicketView>()];

    public async Task<Outcome<FeedbackView>> Feedback() =>
        await Order() is { } order ? View(order) : OrderNotFound();

    public async Task<Outcome<FeedbackView>> Rate(int rating, string? comment, Actor by)
    {
        if (await Order() is not { } order)
        {
            return OrderNotFound();
        }

        if (state.State.Rating is not null)
        {
            return Refusal.Conflict("feedback.already-given", $"Order {OrderId} was already rated.");
        }

        if (!View(order).Due)
        {
            return Refusal.Conflict("feedback.not-due", $"Order {OrderId} cannot be rated yet.");
        }

        var entry = new FeedbackEntry(OrderId, rating, comment, clock.GetUtcNow());
        await Save(state.State with { Rating = entry });
        await GrainFactory.GetGrain<IAfterSalesDeskGrain>("default").Rate(entry);
        return View(order);
    }

    // Called from the order change feed while the order waits for it: asking the order here would deadlock.
    public async Task ScheduleFeedbackRequest(DateTimeOffset deliveredAt)
    {
        if (state.State.FeedbackRequested)
        {
            return;
        }

        var dueAt = deliveredAt + feedback.Value.AskAfter;
        if (state.State.FeedbackDueAt != dueAt)
        {
            await Save(state.State with { FeedbackDueAt = dueAt });
        }
    }

    /// <summary>
    /// The rating's wake-up time has passed: once the rating is due and not given, notes <c>feedback.requested</c> on the
    /// order's timeline (once, note <c>feedback:{orderId}</c>), which emails the customer. Before then it tries again
    /// when the order says the rating is due (at the latest an hour later); an order that is gone is not asked.
    /// </summary>
    public async Task Wake()
    {
        if (state.State.DueAt is null)
        {
            return;
        }

        var order = await Order();
        if (order is null)
        {
            await Save(state.State with { FeedbackDueAt = null });
        }
        else if (View(order).Due)
        {
            var note = new AfterSalesNote($"feedback:{OrderId}", EventKinds.FeedbackRequested, "How was your order? We would love your rating and comment.", Actor.System);
            await GrainFactory.GetGrain<IOrderGrain>(OrderId).RecordAfterSales(note);
            await Save(state.State with { FeedbackRequested = true });
        }
        else
        {
            var now = clock.GetUtcNow();
            var next = FeedbackSchedule.DueAt(order, feedback.Value.AskAfter) is { } at && at > now ? at : now + FeedbackRetry;
            await Save(state.State with { FeedbackDueAt = next });
        }
    }

    /// <summary>
    /// The "feedback-request" reminder of earlier versions, retired when it next fires (LegacyReminders): a rating still
    /// to ask for becomes due now, so the state records its wake-up time before the reminder goes.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State is { FeedbackRequested: false, Rating: null, FeedbackDueAt: null })
        {
            await Save(state.State with { FeedbackDueAt = clock.GetUtcNow() });
        }

        await this.Retire(reminderName);
        await Wake();
    }

    private FeedbackView View(OrderView order)
    {
        var rating = state.State.Rating;
        var due = FeedbackSchedule.IsDue(order, feedback.Value.AskAfter, clock.GetUtcNow()) && rating is null;
        return new FeedbackView(OrderId, FeedbackSchedule.DueAt(order, feedback.Value.AskAfter), due, rating?.Rating, rating?.Comment, rating?.At);
    }

    /// <summary>Units other returns claim, per SKU; a declined return claims nothing.</summary>
    private async Task<ILookup<string, int>> Claimed() =>
        (await Returns()).Where(r => r.Status != ReturnStatus.Declined).SelectMany(r => r.Lines).ToLookup(l => l.Sku, l => l.Quantity);

    /// <summary>Each SKU with units left to send back, in the order's line order; none while the order is not returnable.</summary>
    private ImmutableArray<ReturnableLine> Returnable(OrderView order, ILookup<string, int> claimed) =>
        OrderTransitions.RefusalFor(OrderId, order.Status, OrderMove.RequestReturn) is not null
            ? []
            : [.. Shipped(order)
                .GroupBy(x => x.Line.Sku, StringComparer.Ordinal)
                .Select(g => new ReturnableLine(g.Key, g.First().Line.Name, g.Sum(x => x.Line.Quantity) - claimed[g.Key].Sum()))
                .Where(l => l.Quantity > 0)];

    /// <summary>What left a warehouse for the customer (shipped or collected), line by line with its warehouse.</summary>
    private static IEnumerable<(string WarehouseId, PickListLine Line)> Shipped(OrderView order) =>
        order.PickLists.Where(p => p.Status == PickListStatus.Shipped).SelectMany(p => p.Lines.Select(l => (p.WarehouseId, Line: l)));

    private Task<OrderView?> Order() => GrainFactory.GetGrain<IOrderGrain>(OrderId).Get();

    private Task Save(OrderAfterSalesState next)
    {
        state.State = next;
        return state.WriteStateAsync();
    }

    private Refusal OrderNotFound() => Refusal.NotFound("order.not-found", $"Order {OrderId} does not exist.");
}