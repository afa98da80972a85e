using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Carts;

namespace OrderGrid.Api.Carts;

/// <summary>
/// Who may use a cart, in one place: the id must be one the server issued (checked before any grain is called, so an
/// unknown id activates nothing); a guest's cart then opens with its id alone, a customer's cart also needs that
/// customer's token or a staff key.
/// </summary>
public sealed class CartAccess(CartIds ids, IGrainFactory grains)
{
    public const string NotFoundCode = "cart.not-found";

    /// <summary>The cart when the caller may use it; otherwise the answer to give (401, or 404 as for an unknown cart).</summary>
    public async Task<(ICartGrain? Cart, IResult? Denied)> Open(HttpContext http, string cartId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.SentInvalidKey())
        {
            return (null, TypedResults.Challenge());
        }

        if (!ids.IsGenuine(cartId))
        {
            return (null, NotFound(cartId));
        }

        var cart = grains.GetGrain<ICartGrain>(cartId);
        var owner = await cart.Owner();
        if (owner is null || http.MayActFor(owner))
        {
            return (cart, null);
        }

        return (null, http.SignedInCustomer() is null ? SignInRequired(http) : NotFound(cartId));
    }

    public static IResult NotFound(string cartId) => ApiProblems.NotFound(NotFoundCode, $"There is no cart '{cartId}'.");

    private static IResult SignInRequired(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Problem(
            StatusCodes.Status401Unauthorized,
            "Authentication required.",
            ProblemCodes.Unauthenticated,
            "This cart belongs to a signed-in customer: send their token (Authorization: Bearer …, from POST /api/customers/sign-in/token).");
    }
}