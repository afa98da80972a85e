using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.AfterSales;

/// <summary>
/// One return. Each step is decided by <see cref="ReturnRules"/>, stored, told to the desk and noted on the order's
/// timeline. Calls that must happen once (restock, replacement order) carry ids derived from the return id, so a
/// retry after a failure repeats them harmlessly.
/// </summary>
[GrainType("return")]
public sealed class ReturnGrain(
    [PersistentState("return", "aftersales")] IPersistentState<ReturnState> state,
    IOptions<CatalogOptions> catalog,
    TimeProvider clock) : Grain, IReturnGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<ReturnView> Open(ReturnOpening opening)
    {
        if (state.State.Return is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var opened = new ReturnView(Id, opening.OrderId, ReturnStatus.Requested, opening.Lines, opening.Reason, opening.By, now, now, null, null, null);
        var units = string.Join(", ", opening.Lines.Select(l => $"{l.Quantity} × {l.Sku}"));
        var named = string.Join(", ", opening.Lines.Select(l => $"{l.Quantity} × {l.Name}"));
        await Save(opened, EventKinds.ReturnRequested, $"Return {Id} requested: {units}. Reason: {opening.Reason}", opening.By,
            $"Return {Id} requested: {named}.");
        return opened;
    }

    public Task<ReturnView?> Get() => Task.FromResult(state.State.Return);

    public Task<Outcome<ReturnView>> Approve(Actor by) =>
        Step(r => ReturnRules.Approve(r, clock.GetUtcNow()), EventKinds.ReturnApproved, _ => $"Return {Id} approved: please send the goods back.", by,
            $"Return {Id} approved: please send the items back.");

    public Task<Outcome<ReturnView>> Decline(string reason, Actor by) =>
        Step(r => ReturnRules.Decline(r, reason, clock.GetUtcNow()), EventKinds.ReturnDeclined, _ => $"Return {Id} declined: {reason}", by);

    public async Task<Outcome<ReturnView>> Receive(ImmutableArray<ReceivedLine> lines, Actor by)
    {
        if (state.State.Return is not { } current)
        {
            return NotFound();
        }

        var decided = ReturnRules.Receive(current, lines, clock.GetUtcNow());
        if (decided.Value is not { } received)
        {
            return decided;
        }

        // Restocked before the return is saved as received: a failure in between is retried with the same operation ids.
        foreach (var line in received.Lines.Where(l => l.Resaleable > 0))
        {
            var receipt = new StockReceipt(line.Resaleable, $"Return {Id}", by, $"{Id}/{line.Sku}/restock");
            await GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(line.WarehouseId, line.Sku)).Receive(receipt);
        }

        var (back, off) = (received.Lines.Sum(l => l.Resaleable), received.Lines.Sum(l => l.Damaged));
        await Save(received, EventKinds.ReturnReceived, $"Return {Id} received: {Counted.Of(back, "unit", "units")} back to stock, {off} written off as damaged.", by,
            $"Return {Id}: we received {Counted.Items(received.Lines.Sum(l => l.Received))}.");
        return received;
    }

    public Task<Outcome<ReturnView>> Refund(string method, string? reference, Actor by) =>
        Step(r => ReturnRules.Refund(r, method, reference, by, clock.GetUtcNow()), EventKinds.ReturnRefunded,
            r => $"Return {Id} refunded: {MoneyText.Format(r.Refund!.Amount, catalog.Value.Currency)} by {method}.", by,
            $"Return {Id} refunded.");

    public async Task<Outcome<ReturnView>> Exchange(Actor by)
    {
        if (state.State.Return is not { } current)
        {
            return NotFound();
        }

        if (current.ReplacementOrderId is not null)
        {
            return current;
        }

        if (ReturnRules.CheckExchange(current) is { } refusal)
        {
            return refusal;
        }

        var original = (await Order(current.OrderId).Get())!;
        var replacementId = OrderIds.ForIdempotencyKey(original.CustomerId, $"exchange/{Id}");
        var placed = await Order(replacementId).Place(new PlaceOrder(
            original.CustomerId, original.Email, original.Phone, original.Channel,
            [.. current.Lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))], original.ShipTo, by));
        if (placed.Refusal is { } refused)
        {
            return refused;
        }

        await Order(replacementId).RecordAfterSales(new AfterSalesNote($"{Id}/replacement", EventKinds.ExchangeCreated, $"Replacement for return {Id} of order {current.OrderId}.", by));
        var exchanged = current with { ReplacementOrderId = replacementId, UpdatedAt = clock.GetUtcNow() };
        await Save(exchanged, EventKinds.ExchangeCreated, $"Exchange for return {Id}: replacement order {replacementId}.", by,
            $"Return {Id}: we are sending a replacement (order {replacementId}).");
        return exchanged;
    }

    private async Task<Outcome<ReturnView>> Step(Func<ReturnView, Outcome<ReturnView>> decide, string kind, Func<ReturnView, string> describe, Actor by, string? forCustomer = null)
    {
        if (state.State.Return is not { } current)
        {
            return NotFound();
        }

        var decided = decide(current);
        if (decided.Value is { } next)
        {
            await Save(next, kind, describe(next), by, forCustomer);
        }

        return decided;
    }

    /// <param name="forCustomer">The note in the customer's words (no SKUs, warehouses or payment details), when they differ.</param>
    private async Task Save(ReturnView next, string kind, string description, Actor by, string? forCustomer = null)
    {
        state.State = new ReturnState { Return = next };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAfterSalesDeskGrain>("default").Track(next);
        await Order(next.OrderId).RecordAfterSales(new AfterSalesNote($"{Id}/{kind}", kind, description, by, forCustomer));
    }

    private IOrderGrain Order(string orderId) => GrainFactory.GetGrain<IOrderGrain>(orderId);

    private Refusal NotFound() => Refusal.NotFound("return.not-found", $"There is no return {Id}.");
}