using System.Collections.Immutable;

using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>One ticket's steps for staff (<see cref="TicketView.StaffActions"/>): reply, resolve, close.</summary>
public sealed record TicketSteps(string TicketId, ImmutableArray<TicketAction> AllowedActions);