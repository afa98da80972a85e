using OrderGrid.Api.Customers;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Carts;
using OrderGrid.Orders;

namespace OrderGrid.Api.Planning;

/// <summary>
/// Offers beside what the customer is buying: <c>/api/track/{id}/recommendations?token=</c> for an order (its
/// tracking token is the credential) and <c>/api/carts/{customerId}/recommendations</c> for a cart (no key, like the cart).
/// </summary>
public static class OfferEndpoints
{
    public static RouteGroupBuilder MapOrderOffers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{id}/recommendations", ForOrder)
            .WithName("OffersForOrder")
            .WithSummary("Products that go with the order, for its customer, and the promotions of the customer's segment. A wrong or missing token answers 404.")
            .Produces<CustomerOffers>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static RouteGroupBuilder MapCartOffers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{customerId}/recommendations", ForCart)
            .WithName("OffersForCart")
            .WithSummary("Products that go with the cart, for its customer, and the promotions of the customer's segment.")
            .Produces<CustomerOffers>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ForOrder(string id, string? token, string? k, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var count = errors.Number("k", k, 1, CustomerOffers.MaxCount) ?? CustomerOffers.DefaultCount;
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var order = OrderIds.IsWellFormed(id) && !string.IsNullOrEmpty(token)
            ? await grains.GetGrain<IOrderGrain>(id).GetForCustomer(token)
            : null;
        return order is null
            ? OrderEndpoints.NotFound(id)
            : TypedResults.Ok(await CustomerOffers.For(grains, clock, order.CustomerId, [.. order.Lines.Select(line => line.Sku)], count));
    }

    private static async Task<IResult> ForCart(string customerId, string? k, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var count = errors.Number("k", k, 1, CustomerOffers.MaxCount) ?? CustomerOffers.DefaultCount;
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        if (!CustomerIds.IsWellFormed(customerId))
        {
            return ApiProblems.NotFound("cart.not-found", $"There is no cart for '{customerId}'.");
        }

        var cart = await grains.GetGrain<ICartGrain>(customerId).Get();
        return TypedResults.Ok(await CustomerOffers.For(grains, clock, customerId, [.. cart.Lines.Select(line => line.Sku)], count));
    }
}