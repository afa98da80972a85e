using OrderGrid.Planning;

namespace OrderGrid.Api.Planning;

/// <summary>What a customer is offered beside their cart or order: products that go with it, and the promotions of their segment running now.</summary>
/// <param name="Segment">The customer's segment in the serving model; null when it does not know them, and for a guest.</param>
public sealed record CustomerOffers(string? Segment, IReadOnlyList<Promotion> Promotions, IReadOnlyList<RecommendedProduct> Products)
{
    public const int DefaultCount = 4;

    public const int MaxCount = 20;

    /// <summary>The offers for <paramref name="customerId"/> (null: a guest) buying <paramref name="skus"/>; call it only for a caller who may know the customer's segment.</summary>
    public static async Task<CustomerOffers> For(IGrainFactory grains, TimeProvider clock, string? customerId, IReadOnlyList<string> skus, int count)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(clock);
        var planning = grains.GetGrain<IPlanningQueryGrain>(0);
        var segment = customerId is null ? null : await planning.SegmentOf(customerId);
        var products = await planning.ForBasket(customerId, skus, count);
        var promotions = segment is null
            ? []
            : await grains.GetGrain<IPromotionsGrain>("default").ActiveFor(segment, clock.GetUtcNow());
        return new CustomerOffers(segment, promotions, products);
    }
}