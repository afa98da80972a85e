using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>One return (RMA), keyed by its id. Opened through <see cref="IOrderAfterSalesGrain.RequestReturn"/>.</summary>
public interface IReturnGrain : IGrainWithStringKey
{
    /// <summary>Opens the return; opening it again answers the return as it is.</summary>
    Task<ReturnView> Open(ReturnOpening opening);

    [ReadOnly]
    Task<ReturnView?> Get();

    Task<Outcome<ReturnView>> Approve(Actor by);

    Task<Outcome<ReturnView>> Decline(string reason, Actor by);

    /// <summary>Counts the goods in: resaleable units go back to the warehouse they were shipped from, once.</summary>
    Task<Outcome<ReturnView>> Receive(ImmutableArray<ReceivedLine> lines, Actor by);

    /// <summary>Records the refund for the received units; a return is refunded once.</summary>
    Task<Outcome<ReturnView>> Refund(string method, string? reference, Actor by);

    /// <summary>Places the replacement order for an approved return; asked again, answers the same order.</summary>
    Task<Outcome<ReturnView>> Exchange(Actor by);
}