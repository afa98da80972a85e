using System.Collections.Immutable;

using static OrderGrid.AfterSales.ReturnAction;
using static OrderGrid.AfterSales.ReturnStatus;

namespace OrderGrid.AfterSales;

/// <summary>
/// A return's transition table: status × step → status. <c>ReturnRules</c> (grains) refuses any step it does not list,
/// and <see cref="ReturnView.AllowedActions"/> offers exactly the ones it does.
/// </summary>
public static class ReturnTransitions
{
    public static ImmutableArray<(ReturnStatus From, ReturnAction Action, ReturnStatus To)> Legal { get; } =
    [
        (Requested, Approve, Approved),
        (Requested, Decline, Declined),
        (Approved, Receive, Received),
        (Received, ReturnAction.Refund, Refunded),

        // An exchange is placed once the return is approved, and never for a declined one; the status stays.
        (Approved, Exchange, Approved),
        (Received, Exchange, Received),
        (Refunded, Exchange, Refunded),
    ];

    public static bool Allows(ReturnStatus from, ReturnAction action) => Legal.Any(t => t.From == from && t.Action == action);

    /// <summary>The steps <paramref name="r"/> may take now; an exchange only while it has no replacement order.</summary>
    public static ImmutableArray<ReturnAction> Allowed(ReturnView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return [.. Enum.GetValues<ReturnAction>().Where(a => Allows(r.Status, a) && (a != Exchange || r.ReplacementOrderId is null))];
    }
}