using OrderGrid.Common;

namespace OrderGrid.Planning;

/// <summary>
/// What planners, carts and tracking pages ask of the serving model version: forecasts, restock suggestions,
/// inventory health, segments and recommendations. Any number of activations per silo (key 0); each answer names
/// the model version that made it.
/// </summary>
public interface IPlanningQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Null when the SKU is unknown to the catalog; a forecast with no model version when none is trained yet.</summary>
    Task<ForecastView?> Forecast(string sku, string? warehouseId, int horizon);

    /// <summary>
    /// Every SKU of the warehouse that needs an order now or runs out within the forecast: by urgency (late, order now,
    /// watch), then slack, then units backordered (most first); then those whose suggestion was accepted today.
    /// </summary>
    Task<IReadOnlyList<RestockSuggestion>> RestockSuggestions(string warehouseId);

    /// <summary>Turns the suggestion into a purchase order (incoming stock with an expected date). Accepting twice orders once.</summary>
    Task<Outcome<SuggestionAccepted>> AcceptSuggestion(string suggestionId, int? quantity, Actor by);

    Task<InventoryHealthView> InventoryHealth(string warehouseId);

    Task<SegmentsView> Segments();

    /// <summary>The customer's segment in the serving model, null when unknown to it.</summary>
    Task<string?> SegmentOf(string customerId);

    /// <summary>
    /// Up to <paramref name="take"/> customer ids of the segment in the serving model, in id order, those after
    /// <paramref name="after"/> (from the first when null); empty when no model knows segments.
    /// </summary>
    Task<IReadOnlyList<string>> SegmentMembers(string segment, string? after, int take);

    Task<IReadOnlyList<RecommendedProduct>> ForCustomer(string customerId, int k, RecommendationMode mode);

    /// <summary>"Bought together": what is most often bought with the product.</summary>
    Task<IReadOnlyList<RecommendedProduct>> BoughtTogether(string sku, int k);

    /// <summary>For a cart or an order: products that go with <paramref name="skus"/>, none of them, for the customer when known.</summary>
    Task<IReadOnlyList<RecommendedProduct>> ForBasket(string? customerId, IReadOnlyList<string> skus, int k);
}