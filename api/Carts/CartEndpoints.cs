using OrderGrid.Api.Auth;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Customers;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Carts;
using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Orders;

namespace OrderGrid.Api.Carts;

/// <summary>
/// <c>/api/carts</c>: online carts and their checkout. <c>POST /api/carts</c> issues a cart id (a capability: whoever holds
/// a guest's cart id may use that cart); a cart opened with a customer token is that customer's (see <see cref="CartAccess"/>).
/// </summary>
public static class CartEndpoints
{
    public static RouteGroupBuilder MapCarts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Carts");

        group.MapPost("/", Open)
            .RequireRateLimiting(PublicRateLimits.Carts)
            .WithName("OpenCart")
            .WithSummary("Opens a new, empty cart and answers its id (201, Location /api/carts/{cartId}).")
            .WithDescription(
                "The cart id is 256 bits, half random and half the server's signature of them: keep it like a password. "
                + "Without a key the cart is a guest's: its id alone opens it. With a customer token it is that customer's: "
                + "it then also needs their token (or a staff key). An id the server did not issue answers 404.")
            .Produces<CartView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/{cartId}", Get)
            .RequireRateLimiting(PublicRateLimits.Carts)
            .WithName("GetCart")
            .WithSummary("The cart at today's prices, with what it holds and until when.")
            .Produces<CartView>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapPut("/{cartId}/items/{sku}", SetQuantity)
            .RequireRateLimiting(PublicRateLimits.Carts)
            .WithName("SetCartQuantity")
            .WithSummary("Sets how many of a product are in the cart; 0 removes it.")
            .WithDescription(
                "The cart holds stock for its lines again for OrderGrid:Carts:HoldFor, but a line holds at most MaxHeldPerLine units, "
                + "the cart at most MaxHeldPerCart, all carts together at most MaxHeldShare of a warehouse's stock that orders left, "
                + "and no cart holds anything later than HoldAtMostFor after its first hold (until it checks out).")
            .Produces<CartView>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapPost("/{cartId}/checkout", Checkout)
            .RequireRateLimiting(PublicRateLimits.Placement)
            .WithName("CheckoutCart")
            .WithSummary("Places the cart as a web or app order; 201 for the order, again (with Idempotent-Replayed: true) when the Idempotency-Key was already used.")
            .WithDescription(
                "The order is the cart owner's; for a guest's cart, the signed-in customer's who checks it out, else a guest's of its own "
                + "(guest-{orderId}), whose contacts are the ones given here and change no stored customer.")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<IResult> Open(HttpContext http, CartIds ids, IGrainFactory grains)
    {
        if (http.SentInvalidKey())
        {
            return TypedResults.Challenge();
        }

        // A guest's new cart has no state to store: its signed id is all there is until something goes in.
        var id = ids.New();
        var cart = http.SignedInCustomer() is { } customerId
            ? await grains.GetGrain<ICartGrain>(id).Open(customerId)
            : new CartView(id, [], 0m);
        return TypedResults.Created($"/api/carts/{id}", cart);
    }

    private static async Task<IResult> Get(string cartId, HttpContext http, CartAccess access)
    {
        var (cart, denied) = await access.Open(http, cartId);
        return denied ?? TypedResults.Ok(await cart!.Get());
    }

    private static async Task<IResult> SetQuantity(string cartId, string sku, SetCartQuantityRequest? request, HttpContext http, CartAccess access)
    {
        var (cart, denied) = await access.Open(http, cartId);
        if (denied is not null)
        {
            return denied;
        }

        return RequestChecks.Problem(http, request, (_, r) =>
            {
                var errors = r.Validate();
                errors.Check("sku", sku);
                return errors;
            })
            ?? ApiProblems.OkOr(await cart!.SetQuantity(sku, request!.Quantity!.Value));
    }

    private static async Task<IResult> Checkout(
        string cartId,
        CheckoutRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        CartAccess access,
        FreshGrainKeys fresh)
    {
        var (cart, denied) = await access.Open(http, cartId);
        if (denied is not null)
        {
            return denied;
        }

        if (RequestChecks.Problem(http, request, (h, r) => r.Validate().AndKey(h)) is { } problem)
        {
            return problem;
        }

        // The cart id scopes the key: a retried checkout of this cart finds its order, and nobody else's.
        var orderId = IdempotencyKeys.OrderId(cartId, idempotencyKey);
        var customerId = http.SignedInCustomer() ?? GuestCustomers.For(orderId);
        if (idempotencyKey is null)
        {
            fresh.NewOrder(orderId, customerId);
        }

        var by = http.IsStaff() ? http.User.ToStaffActor() : null;
        return OrderPlacements.ToHttp(http, await cart!.Checkout(request!.ToCommand(orderId, customerId, by)));
    }
}