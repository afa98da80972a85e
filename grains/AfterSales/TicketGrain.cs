using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.AfterSales;

/// <summary>One service ticket: messages between the customer and staff, and its status.</summary>
[GrainType("ticket")]
public sealed class TicketGrain(
    [PersistentState("ticket", "aftersales")] IPersistentState<TicketState> state,
    TimeProvider clock) : Grain, ITicketGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<TicketView> Open(string orderId, TicketCategory category, string message, Actor by)
    {
        if (state.State.Ticket is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var opened = new TicketView(Id, orderId, category, TicketStatus.Open, [new TicketMessage(1, by, message, now)], now, now);
        await Save(opened);
        await GrainFactory.GetGrain<IOrderGrain>(orderId).RecordAfterSales(
            new AfterSalesNote($"{Id}/opened", EventKinds.TicketOpened, $"Service ticket {Id} opened ({category}).", by,
                $"You contacted us about {Topic(category)} (ticket {Id})."));
        return opened;
    }

    public Task<TicketView?> Get() => Task.FromResult(state.State.Ticket);

    public async Task<Outcome<TicketView>> Post(string text, Actor by)
    {
        if (state.State.Ticket is not { } ticket)
        {
            return NotFound();
        }

        if (!ticket.AllowedActions.Contains(TicketAction.Reply))
        {
            return Refusal.Conflict("ticket.is-closed", $"Ticket {Id} is closed.");
        }

        var now = clock.GetUtcNow();
        var next = ticket with
        {
            Messages = ticket.Messages.Add(new TicketMessage(ticket.Messages.Length + 1, by, text, now)),
            Status = by.Kind == ActorKind.Customer ? TicketStatus.Open : TicketStatus.Answered,
            UpdatedAt = now,
        };
        await Save(next);
        var (staff, customer) = by.Kind == ActorKind.Customer
            ? ($"The customer wrote on ticket {Id}.", $"You wrote to us on ticket {Id}.")
            : ($"Ticket {Id} answered.", $"We answered your message on ticket {Id}.");
        await Note(next, $"{Id}/message/{next.Messages.Length}", EventKinds.TicketMessage, staff, by, customer);
        return next;
    }

    public async Task<Outcome<TicketView>> SetStatus(TicketStatus status, Actor by)
    {
        if (state.State.Ticket is not { } ticket)
        {
            return NotFound();
        }

        if (ticket.Status == TicketStatus.Closed && status != TicketStatus.Closed)
        {
            return Refusal.Conflict("ticket.is-closed", $"Ticket {Id} is closed.");
        }

        if (ticket.Status == status)
        {
            return ticket;
        }

        var next = ticket with { Status = status, UpdatedAt = clock.GetUtcNow() };
        await Save(next);
        var kind = EventKinds.Ticket(status);
        await Note(next, $"{Id}/{kind}/{next.Messages.Length}", kind, $"Ticket {Id} is now {status}.", by, $"Ticket {Id}: {Words(status)}.");
        return next;
    }

    private async Task Save(TicketView next)
    {
        state.State = new TicketState { Ticket = next };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAfterSalesDeskGrain>("default").Track(next);
    }

    /// <summary>
    /// Notes a ticket step on the order's timeline (once per <paramref name="noteId"/>), so the order's followers — the
    /// tracking page, the wall — hear of it as of any change to the order.
    /// </summary>
    private async Task Note(TicketView ticket, string noteId, string kind, string description, Actor by, string forCustomer) =>
        await GrainFactory.GetGrain<IOrderGrain>(ticket.OrderId).RecordAfterSales(new AfterSalesNote(noteId, kind, description, by, forCustomer));

    /// <summary>What the ticket is about, in the customer's words.</summary>
    internal static string Topic(TicketCategory category) => category switch
    {
        TicketCategory.Damaged => "a damaged item",
        TicketCategory.MissingItem => "a missing item",
        TicketCategory.Late => "a late delivery",
        TicketCategory.WrongItem => "a wrong item",
        TicketCategory.Billing => "billing",
        _ => "your order",
    };

    private static string Words(TicketStatus status) => status switch
    {
        TicketStatus.WaitingOnCustomer => "waiting for your reply",
        TicketStatus.Answered => "answered",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        _ => "open",
    };

    private Refusal NotFound() => Refusal.NotFound("ticket.not-found", $"There is no ticket {Id}.");
}