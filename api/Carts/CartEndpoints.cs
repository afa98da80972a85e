using OrderGrid.Api.Catalog;
using OrderGrid.Api.Customers;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Carts;
using OrderGrid.Orders;

namespace OrderGrid.Api.Carts;

/// <summary><c>/api/carts/{customerId}</c>: the customer's online cart and its checkout (no key).</summary>
public static class CartEndpoints
{
    public static RouteGroupBuilder MapCarts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Carts");

        group.MapGet("/{customerId}", Get)
            .WithName("GetCart")
            .WithSummary("The customer's cart at today's prices.")
            .Produces<CartView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{customerId}/items/{sku}", SetQuantity)
            .WithName("SetCartQuantity")
            .WithSummary("Sets how many of a product are in the cart; 0 removes it.")
            .Produces<CartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{customerId}/checkout", Checkout)
            .RequireRateLimiting(PublicRateLimits.Placement)
            .WithName("CheckoutCart")
            .WithSummary("Places the cart as a web or app order; 201 for the order, again (with Idempotent-Replayed: true) when the Idempotency-Key was already used.")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<IResult> Get(string customerId, IGrainFactory grains) =>
        CustomerIds.IsWellFormed(customerId)
            ? TypedResults.Ok(await grains.GetGrain<ICartGrain>(customerId).Get())
            : NotFound(customerId);

    private static async Task<IResult> SetQuantity(string customerId, string sku, SetCartQuantityRequest? request, IGrainFactory grains)
    {
        if (!CustomerIds.IsWellFormed(customerId))
        {
            return NotFound(customerId);
        }

        if (request is null)
        {
            return ApiProblems.MissingBody();
        }

        var errors = request.Validate();
        errors.Check("sku", sku);
        return errors.IsEmpty
            ? ApiProblems.OkOr(await grains.GetGrain<ICartGrain>(customerId).SetQuantity(sku, request.Quantity!.Value))
            : ApiProblems.Validation(errors);
    }

    private static async Task<IResult> Checkout(
        string customerId,
        CheckoutRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        IGrainFactory grains)
    {
        if (!CustomerIds.IsWellFormed(customerId))
        {
            return NotFound(customerId);
        }

        if (request is null)
        {
            return ApiProblems.MissingBody();
        }

        var errors = request.Validate();
        IdempotencyKeys.Check(errors, idempotencyKey);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var orderId = IdempotencyKeys.OrderId(customerId, idempotencyKey);
        return OrderPlacements.ToHttp(http, await grains.GetGrain<ICartGrain>(customerId).Checkout(request.ToCommand(orderId)));
    }

    private static IResult NotFound(string customerId) => ApiProblems.NotFound("cart.not-found", $"There is no cart for '{customerId}'.");
}