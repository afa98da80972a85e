using OrderGrid.Api.Auth;
using OrderGrid.Api.Carts;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Api.Tracking;
using OrderGrid.Orders;

namespace OrderGrid.Api.Planning;

/// <summary>
/// Offers beside what the customer is buying: <c>/api/track/{id}/recommendations?token=</c> for an order (its
/// tracking token is the credential) and <c>/api/carts/{cartId}/recommendations</c> for a cart (whoever may use the cart).
/// A customer's segment and its promotions are told only to that customer or staff: a guest's cart gets products only.
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
        group.MapGet("/{cartId}/recommendations", ForCart)
            .RequireRateLimiting(PublicRateLimits.Carts)
            .WithName("OffersForCart")
            .WithSummary("Products that go with the cart; for a signed-in customer's cart (their token or staff) also their segment's promotions.")
            .Produces<CustomerOffers>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
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

        return await grains.OrderOpenedBy(id, token) is not { } order
            ? OrderEndpoints.NotFound(id)
            : TypedResults.Ok(await CustomerOffers.For(grains, clock, order.CustomerId, [.. order.Lines.Select(line => line.Sku)], count));
    }

    private static async Task<IResult> ForCart(string cartId, string? k, HttpContext http, CartAccess access, IGrainFactory grains, TimeProvider clock)
    {
        var (cart, denied) = await access.Open(http, cartId);
        if (denied is not null)
        {
            return denied;
        }

        var errors = new FieldErrors();
        var count = errors.Number("k", k, 1, CustomerOffers.MaxCount) ?? CustomerOffers.DefaultCount;
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        // The owner's (their token or staff got this far), or the signed-in customer's own when the cart is a guest's.
        var view = await cart!.Get();
        var customerId = view.CustomerId ?? http.SignedInCustomer();
        return TypedResults.Ok(await CustomerOffers.For(grains, clock, customerId, [.. view.Lines.Select(line => line.Sku)], count));
    }
}