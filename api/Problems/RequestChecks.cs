using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Orders;
using OrderGrid.Orders;

namespace OrderGrid.Api.Problems;

/// <summary>A request body that checks its own shape: field errors by JSON path, empty when it may go on.</summary>
public interface IValidatedRequest
{
    FieldErrors Validate();
}

/// <summary>
/// The checks every endpoint makes before it acts, written once as endpoint filters, in the order they run when chained
/// (each as soon as it is added): who may call (<see cref="OpsOrToken"/>), whether the route's id can name anything
/// (<see cref="OrderId"/>, <see cref="WellFormedId"/>), and whether the body is there and valid (<c>Validates</c>).
/// The handler then takes the body as checked.
/// </summary>
public static class RequestChecks
{
    /// <summary>
    /// 400 <c>request.missing-body</c> when no <typeparamref name="T"/> came (unless <paramref name="optional"/>), 400
    /// with field errors when <see cref="IValidatedRequest.Validate"/> finds any; otherwise the handler runs.
    /// </summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder, bool optional = false)
        where T : class, IValidatedRequest =>
        builder.Validates<T>(static (_, request) => request.Validate(), optional);

    /// <summary>The same with a check that needs the request's context too (a header, the clock, a route value).</summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder, Func<HttpContext, T, FieldErrors> validate, bool optional = false)
        where T : class =>
        builder.AddEndpointFilter(async (context, next) =>
            Problem(context.HttpContext, context.Arguments.OfType<T>().FirstOrDefault(), validate, optional) ?? await next(context));

    /// <summary>The same check for a handler that must decide something first (a customer's token, a cart): null when it may go on.</summary>
    public static IResult? Problem<T>(HttpContext http, T? request, Func<HttpContext, T, FieldErrors> validate, bool optional = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        if (request is null)
        {
            return optional ? null : ApiProblems.MissingBody();
        }

        var errors = validate(http, request);
        return errors.IsEmpty ? null : ApiProblems.Validation(errors);
    }

    /// <summary>The same for a body that checks itself.</summary>
    public static IResult? Problem<T>(T? request)
        where T : class, IValidatedRequest =>
        request is null ? ApiProblems.MissingBody() : request.Validate() is { IsEmpty: false } errors ? ApiProblems.Validation(errors) : null;

    /// <summary>404, as for an unknown one, when the route value <paramref name="name"/> cannot be an id (<paramref name="isWellFormed"/>).</summary>
    public static RouteHandlerBuilder WellFormedId(this RouteHandlerBuilder builder, Func<string, bool> isWellFormed, Func<string, IResult> notFound, string name = "id") =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues[name] is string id && !isWellFormed(id) ? notFound(id) : await next(context));

    /// <summary>404 <c>order.not-found</c> when the route's <c>{id}</c> cannot be an order id.</summary>
    public static RouteHandlerBuilder OrderId(this RouteHandlerBuilder builder) => builder.WellFormedId(id => OrderIds.IsWellFormed(id), OrderEndpoints.NotFound);

    /// <summary>
    /// For order changes open to ops and to the order's customer (<see cref="OpsOrCustomer"/>): 401 for a bad key or
    /// neither key nor <c>?token=</c>, 403 for another staff role; whether the token opens the order is the handler's.
    /// </summary>
    public static RouteHandlerBuilder OpsOrToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var token = http.Request.Query["token"].FirstOrDefault();
            return await http.RequireOpsOrToken(http.RequestServices.GetRequiredService<IAuthorizationService>(), token) ?? await next(context);
        });
}