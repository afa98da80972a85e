using OrderGrid.AfterSales;
using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>An after-sales step (return, exchange, ticket, feedback) to note on the timeline, without changing the status.</summary>
public sealed record RecordAfterSalesCommand(AfterSalesNote Note, Actor By, DateTimeOffset At) : OrderCommand(By, At);