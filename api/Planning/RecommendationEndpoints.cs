using OrderGrid.Api.Auth;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Customers;
using OrderGrid.Api.Problems;
using OrderGrid.Planning;

namespace OrderGrid.Api.Planning;

/// <summary>
/// <c>/api/recommendations</c>: products for a customer (staff; <c>mode=discover</c> for products they never bought)
/// and products bought together with a product (public, for product pages).
/// </summary>
public static class RecommendationEndpoints
{
    public const int DefaultCount = 10;

    public const int MaxCount = 50;

    public static RouteGroupBuilder MapRecommendations(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Recommendations");

        group.MapGet("/customers/{customerId}", ForCustomer)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("RecommendForCustomer")
            .WithSummary("The k products the customer is most likely to buy next, best first, each with its reason (staff). mode=discover: only products they never bought.")
            .Produces<IReadOnlyList<RecommendedProduct>>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/products/{sku}", BoughtTogether)
            .AllowAnonymous()
            .WithName("BoughtTogether")
            .WithSummary("The k products most often bought together with this one (no key).")
            .Produces<IReadOnlyList<RecommendedProduct>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<IResult> ForCustomer(string customerId, string? k, string? mode, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var count = errors.Number("k", k, 1, MaxCount) ?? DefaultCount;
        var chosen = Mode(errors, mode);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        if (!CustomerIds.IsWellFormed(customerId))
        {
            return ApiProblems.NotFound("customer.not-found", $"There is no customer '{customerId}'.");
        }

        return TypedResults.Ok(await grains.GetGrain<IPlanningQueryGrain>(0).ForCustomer(customerId, count, chosen));
    }

    private static async Task<IResult> BoughtTogether(string sku, string? k, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var count = errors.Number("k", k, 1, MaxCount) ?? DefaultCount;
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        if (await Skus.Find(grains, sku) is null)
        {
            return ApiProblems.NotFound("product.not-found", $"There is no product '{sku}'.");
        }

        return TypedResults.Ok(await grains.GetGrain<IPlanningQueryGrain>(0).BoughtTogether(sku, count));
    }

    private static RecommendationMode Mode(FieldErrors errors, string? mode)
    {
        switch (mode?.ToLowerInvariant())
        {
            case null or "usual":
                return RecommendationMode.Usual;
            case "discover":
                return RecommendationMode.Discover;
            default:
                errors.Add("mode", "Either 'usual' (the default) or 'discover'.");
                return RecommendationMode.Usual;
        }
    }
}