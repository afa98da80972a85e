using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>The rules of a return (RMA) as pure functions: a view and a step in, the next view or a refusal out.</summary>
public static class ReturnRules
{
    public static Outcome<ReturnView> Approve(ReturnView r, DateTimeOffset at) =>
        ReturnTransitions.Allows(r.Status, ReturnAction.Approve) ? r with { Status = ReturnStatus.Approved, UpdatedAt = at } : Illegal(r, "approve");

    public static Outcome<ReturnView> Decline(ReturnView r, string reason, DateTimeOffset at) =>
        ReturnTransitions.Allows(r.Status, ReturnAction.Decline) ? r with { Status = ReturnStatus.Declined, DeclineReason = reason, UpdatedAt = at } : Illegal(r, "decline");

    /// <summary>Records what came back per SKU and condition; at most the units the return names, at least one unit in all.</summary>
    public static Outcome<ReturnView> Receive(ReturnView r, ImmutableArray<ReceivedLine> received, DateTimeOffset at)
    {
        if (!ReturnTransitions.Allows(r.Status, ReturnAction.Receive))
        {
            return Illegal(r, "receive");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (line, i) in received.Select((l, i) => (l, i)))
        {
            var named = r.Lines.FirstOrDefault(l => l.Sku == line.Sku);
            if (named is null)
            {
                errors[$"lines[{i}].sku"] = [$"SKU {line.Sku} is not on return {r.Id}."];
            }
            else if (line.Quantity < 0 || received.Where(x => x.Sku == line.Sku).Sum(x => x.Quantity) > named.Quantity)
            {
                errors[$"lines[{i}].quantity"] = [$"At most {named.Quantity} unit(s) of {line.Sku} are on this return."];
            }
        }

        if (errors.Count == 0 && received.Sum(l => l.Quantity) == 0)
        {
            errors["lines"] = ["Receive at least one unit."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("return.invalid-receipt", "The received goods do not match the return.", errors.ToImmutableDictionary());
        }

        var lines = r.Lines.Select(l => l with
        {
            Resaleable = Count(received, l.Sku, ReturnCondition.Resaleable),
            Damaged = Count(received, l.Sku, ReturnCondition.Damaged),
        }).ToImmutableArray();
        return r with { Status = ReturnStatus.Received, Lines = lines, UpdatedAt = at };
    }

    public static Outcome<ReturnView> Refund(ReturnView r, string method, string? reference, Actor by, DateTimeOffset at) =>
        r.Status == ReturnStatus.Refunded ? Refusal.Conflict("return.already-refunded", $"Return {r.Id} was already refunded.")
        : ReturnTransitions.Allows(r.Status, ReturnAction.Refund) ? r with { Status = ReturnStatus.Refunded, Refund = new Refund(RefundAmount(r), method, reference, at, by), UpdatedAt = at }
        : Illegal(r, "refund");

    /// <summary>An exchange is possible once the return is approved, and not after it was declined.</summary>
    public static Refusal? CheckExchange(ReturnView r) =>
        ReturnTransitions.Allows(r.Status, ReturnAction.Exchange) ? null : Illegal(r, "exchange");

    /// <summary>Received units, damaged ones too, at the unit prices of the order.</summary>
    public static decimal RefundAmount(ReturnView r) => r.Lines.Sum(l => l.Received * l.UnitPrice);

    private static int Count(ImmutableArray<ReceivedLine> received, string sku, ReturnCondition condition) =>
        received.Where(l => l.Sku == sku && l.Condition == condition).Sum(l => l.Quantity);

    private static Refusal Illegal(ReturnView r, string action) =>
        Refusal.Conflict("return.illegal-transition", $"Cannot {action}: return {r.Id} is {r.Status}.");
}