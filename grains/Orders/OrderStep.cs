using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>
/// A step a decision left for the grain to carry out against other grains (stock, shipments), kept in
/// <see cref="OrderState.Steps"/> until its answer is recorded by <see cref="StepDoneCommand"/>. The grain drains the
/// list in order, one step at a time; a step interrupted by a crash is still in the list and runs again (every step is
/// idempotent at the stock grains).
/// </summary>
[GenerateSerializer, Alias("og.order-step")]
public abstract record OrderStep
{
    /// <summary>The table's name for recording this step's answer (<see cref="OrderTransitions"/>).</summary>
    public abstract OrderMove Done { get; }
}

/// <summary>Reserve the order's lines (after placement or approval).</summary>
[GenerateSerializer, Alias("og.order-step.reserve")]
public sealed record ReserveStock : OrderStep
{
    public override OrderMove Done => OrderMove.RecordReservation;
}

/// <summary>Release everything the order holds, in every warehouse (after cancellation or a new review hold).</summary>
[GenerateSerializer, Alias("og.order-step.release")]
public sealed record ReleaseStock : OrderStep
{
    public override OrderMove Done => OrderMove.RecordRelease;
}

/// <summary>Create the shipment of a shipped pick list and dispatch its stock.</summary>
[GenerateSerializer, Alias("og.order-step.dispatch")]
public sealed record DispatchPickList([property: Id(0)] string PickListId) : OrderStep
{
    public override OrderMove Done => OrderMove.RecordDispatch;
}

/// <summary>Dispatch the stock of a pick list collected in the store.</summary>
[GenerateSerializer, Alias("og.order-step.collect")]
public sealed record DispatchCollected([property: Id(0)] string PickListId) : OrderStep
{
    public override OrderMove Done => OrderMove.RecordCollectionDispatch;
}

/// <summary>Give back, in every warehouse, the stock of SKUs whose lines were removed.</summary>
[GenerateSerializer, Alias("og.order-step.return")]
public sealed record ReturnStock([property: Id(0)] ImmutableArray<string> Skus) : OrderStep
{
    public override OrderMove Done => OrderMove.RecordStockReturned;

    public bool Equals(ReturnStock? other) => other is not null && Skus.SequenceEqual(other.Skus, StringComparer.Ordinal);

    public override int GetHashCode() => Skus.Aggregate(0, (hash, sku) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(sku)));
}

/// <summary>Move the reservation to the changed lines (by the difference).</summary>
[GenerateSerializer, Alias("og.order-step.adjust")]
public sealed record AdjustReservation : OrderStep
{
    public override OrderMove Done => OrderMove.RecordAdjustment;
}

/// <summary>The step list's operations, kept pure for <see cref="OrderLifecycle"/>.</summary>
public static class OrderSteps
{
    /// <summary><paramref name="steps"/> with <paramref name="step"/> added at the end, unless it is already there.</summary>
    public static ImmutableArray<OrderStep> With(this ImmutableArray<OrderStep> steps, OrderStep step) =>
        steps.Contains(step) ? steps : steps.Add(step);

    /// <summary><paramref name="steps"/> without any step of type <typeparamref name="T"/>.</summary>
    public static ImmutableArray<OrderStep> Without<T>(this ImmutableArray<OrderStep> steps)
        where T : OrderStep => steps.RemoveAll(s => s is T);

    public static bool Has<T>(this ImmutableArray<OrderStep> steps)
        where T : OrderStep => steps.Any(s => s is T);

    /// <summary>The stock of <paramref name="skus"/> to give back: joined to a return already waiting, or a new step.</summary>
    public static ImmutableArray<OrderStep> Returning(this ImmutableArray<OrderStep> steps, IEnumerable<string> skus)
    {
        var added = skus.ToImmutableArray();
        if (added.IsEmpty)
        {
            return steps;
        }

        return steps.FirstOrDefault(s => s is ReturnStock) is ReturnStock waiting
            ? steps.Replace(waiting, new ReturnStock([.. waiting.Skus.Union(added, StringComparer.Ordinal)]))
            : steps.Add(new ReturnStock(added));
    }
}