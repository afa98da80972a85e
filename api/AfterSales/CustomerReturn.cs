using System.Collections.Immutable;

using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>
/// A return as its customer sees it: no warehouses, no staff names and no staff steps (the customer takes none on a
/// return; ops see them in <see cref="ReturnView.AllowedActions"/>).
/// </summary>
public sealed record CustomerReturn(
    string Id,
    ReturnStatus Status,
    ImmutableArray<CustomerReturnLine> Lines,
    string Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    string? DeclineReason,
    decimal? RefundedAmount,
    string? ReplacementOrderId)
{
    public static CustomerReturn From(ReturnView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id, r.Status, [.. r.Lines.Select(l => new CustomerReturnLine(l.Sku, l.Name, l.Quantity))], r.Reason,
            r.RequestedAt, r.UpdatedAt, r.DeclineReason, r.Refund?.Amount, r.ReplacementOrderId);
    }
}