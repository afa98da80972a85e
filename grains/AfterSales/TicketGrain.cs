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
            new AfterSalesNote($"{Id}/opened", "ticket.opened", $"Service ticket {Id} opened ({category}).", by));
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
            return Refusal.Conflict("ticket.closed", $"Ticket {Id} is closed.");
        }

        var now = clock.GetUtcNow();
        var next = ticket with
        {
            Messages = ticket.Messages.Add(new TicketMessage(ticket.Messages.Length + 1, by, text, now)),
            Status = by.Kind == ActorKind.Customer ? TicketStatus.Open : TicketStatus.Answered,
            UpdatedAt = now,
        };
        await Save(next);
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
            return Refusal.Conflict("ticket.closed", $"Ticket {Id} is closed.");
        }

        var next = ticket with { Status = status, UpdatedAt = clock.GetUtcNow() };
        await Save(next);
        return next;
    }

    private async Task Save(TicketView next)
    {
        state.State = new TicketState { Ticket = next };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAfterSalesDeskGrain>("default").Track(next);
    }

    private Refusal NotFound() => Refusal.NotFound("ticket.not-found", $"There is no ticket {Id}.");
}