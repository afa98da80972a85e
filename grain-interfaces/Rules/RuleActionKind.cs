namespace OrderGrid.Rules;

/// <summary>What a matching automation rule does to an order.</summary>
public enum RuleActionKind
{
    /// <summary>Hold the order for staff review, with a reason.</summary>
    Hold,

    /// <summary>Let the order through without review: later rules' holds are ignored.</summary>
    AutoApprove,

    /// <summary>Set the order's priority (a level).</summary>
    Priority,

    /// <summary>Try this warehouse first when sourcing.</summary>
    PreferWarehouse,

    /// <summary>Never source from this warehouse (unless it is the only one left).</summary>
    ExcludeWarehouse,

    /// <summary>The carrier must collect a signature on delivery.</summary>
    RequireSignature,
}