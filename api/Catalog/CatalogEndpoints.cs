using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Catalog;

namespace OrderGrid.Api.Catalog;

/// <summary><c>/api/catalog</c>: browse products (anyone), define them (ops).</summary>
public static class CatalogEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Catalog");

        group.MapGet("/", Browse)
            .AllowAnonymous()
            .WithName("BrowseCatalog")
            .WithSummary("One page of the catalog, ordered by SKU; q searches SKU and name.")
            .Produces<CatalogPage>()
            .ProducesValidationProblem();

        group.MapGet("/{sku}", Get)
            .AllowAnonymous()
            .WithName("GetProduct")
            .WithSummary("One product with its current price.")
            .Produces<Product>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{sku}", Define)
            .Validates<DefineProductRequest>((http, r) => r.Validate((string)http.Request.RouteValues["sku"]!))
            .RequireAuthorization(StaffPolicies.Ops)
            .WithName("DefineProduct")
            .WithSummary("Creates or updates a product (ops).")
            .Produces<Product>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Browse(string? page, string? pageSize, string? q, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var pageNumber = errors.Number("page", page, 1, int.MaxValue);
        var size = errors.Number("pageSize", pageSize, 1, MaxPageSize);
        errors.Text("q", q, 100, required: false);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var result = await grains.GetGrain<ICatalogGrain>("default").Page(pageNumber ?? 1, size ?? DefaultPageSize, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> Get(string sku, IGrainFactory grains)
    {
        var product = await Skus.Find(grains, sku);
        return product is null ? ApiProblems.NotFound("product.not-found", $"There is no product '{sku}'.") : TypedResults.Ok(product);
    }

    private static async Task<IResult> Define(string sku, DefineProductRequest? request, IGrainFactory grains)
    {
        return ApiProblems.OkOr(await grains.GetGrain<IProductGrain>(sku).Define(request!.Name!.Trim(), request.UnitPrice!.Value));
    }
}