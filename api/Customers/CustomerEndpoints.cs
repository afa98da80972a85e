using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Identity;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Customers;

namespace OrderGrid.Api.Customers;

/// <summary>
/// <c>/api/customers</c>: passwordless sign-in (a one-time code to the email on file, traded for a signed customer
/// token), and a customer's contact details and orders — for that customer's token or staff only.
/// </summary>
public static class CustomerEndpoints
{
    public const string SignInFailedCode = "customer.sign-in-failed";

    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Customers");

        group.MapPost("/sign-in", RequestCode)
            .Validates<SignInRequest>()
            .RequireRateLimiting(PublicRateLimits.SignIn)
            .AllowAnonymous()
            .WithName("RequestSignInCode")
            .WithSummary("Emails a one-time sign-in code to the customer's email on file; 202 whatever happened.")
            .WithDescription(
                "The code goes out only when email is the one on file for customerId; for a customer id that nobody has used yet, to "
                + "the email given, which signing in with the code then stores (registration). The answer is the same either way, and "
                + "so is its timing. Codes are 8 digits, work once, for OrderGrid:SignIn:CodeLifetime, survive AttemptsPerCode wrong "
                + "guesses, and at most CodesPerHour go to one customer.")
            .Produces<SignInCodeSent>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();

        group.MapPost("/sign-in/token", SignIn)
            .Validates<SignInCodeRequest>()
            .RequireRateLimiting(PublicRateLimits.SignIn)
            .AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Trades the emailed code for a customer token (send it as Authorization: Bearer …); 401 for a wrong, used or expired code.")
            .Produces<CustomerSession>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/{id}", Get)
            .OpenTo(Callers.SignedIn | Callers.Staff)
            .WithName("GetCustomer")
            .WithSummary("A customer's contact details and order ids: that customer's token, or a staff key.")
            .Produces<CustomerView>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        group.MapPut("/{id}/contacts", ChangeContacts)
            .OpenTo(Callers.SignedIn | StaffPolicies.CallersOf(StaffPolicies.Ops))
            .WithName("ChangeCustomerContacts")
            .WithSummary("Changes the stored email and/or phone (where promotions and sign-in codes go): that customer's token, or an ops key.")
            .Produces<CustomerView>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<IResult> RequestCode(SignInRequest? request, IGrainFactory grains)
    {
        await grains.GetGrain<ICustomerGrain>(request!.CustomerId!).RequestSignInCode(request.Email!.Trim());
        return TypedResults.Accepted((string?)null, new SignInCodeSent(
            $"If '{request.CustomerId}' may sign in with this email, a code is on its way to it; send it to POST /api/customers/sign-in/token."));
    }

    private static async Task<IResult> SignIn(SignInCodeRequest? request, IGrainFactory grains, CustomerTokens tokens, IOptions<IdentityOptions> identity)
    {
        if (!await grains.GetGrain<ICustomerGrain>(request!.CustomerId!).SignIn(request.Code!))
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Sign-in failed.", SignInFailedCode,
                "The code is wrong, used or expired: ask for a new one with POST /api/customers/sign-in.");
        }

        var (token, expiresAt) = tokens.Issue(request.CustomerId!, identity.Value.TokenLifetime);
        return TypedResults.Ok(new CustomerSession(request.CustomerId!, token, expiresAt));
    }

    private static async Task<IResult> Get(string id, HttpContext http, IGrainFactory grains, OrderSearch orders, CancellationToken cancellationToken)
    {
        if (Denied(http, id, staffPolicyMet: http.IsStaff()) is { } denied)
        {
            return denied;
        }

        var customer = CustomerIds.IsWellFormed(id) ? await grains.GetGrain<ICustomerGrain>(id).Get() : null;
        return customer is not { Exists: true }
            ? NotFound(id)
            : TypedResults.Ok(await View(customer, orders, cancellationToken));
    }

    /// <summary>The API's answer: the grain's details and the order ids the read model has for the customer.</summary>
    private static async Task<CustomerView> View(CustomerDetails customer, OrderSearch orders, CancellationToken cancellationToken) =>
        new(customer.Id, customer.Email, customer.Phone, await orders.CustomerOrderIds(customer.Id, CustomerView.MaxOrderIds, cancellationToken));

    private static async Task<IResult> ChangeContacts(
        string id,
        ChangeContactsRequest? request,
        HttpContext http,
        IAuthorizationService authorization,
        IGrainFactory grains,
        OrderSearch orders,
        CancellationToken cancellationToken)
    {
        var ops = http.IsStaff() && (await authorization.AuthorizeAsync(http.User, StaffPolicies.Ops)).Succeeded;
        if (Denied(http, id, staffPolicyMet: ops) is { } denied)
        {
            return denied;
        }

        if (RequestChecks.Problem(request) is { } problem)
        {
            return problem;
        }

        // Staff may give a new customer their first contact details; a signed-in customer exists already.
        if (!CustomerIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var changed = await grains.GetGrain<ICustomerGrain>(id).ChangeContacts(Orders.Contacts.Clean(request!.Email), Orders.Contacts.Clean(request.Phone));
        return TypedResults.Ok(await View(changed, orders, cancellationToken));
    }

    /// <summary>Null when the caller is <paramref name="id"/> signed in, or staff meeting the route's policy; else 401 or 403.</summary>
    private static IResult? Denied(HttpContext http, string id, bool staffPolicyMet)
    {
        if (http.SentInvalidKey() || http.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Challenge();
        }

        if (staffPolicyMet || string.Equals(http.SignedInCustomer(), id, StringComparison.Ordinal))
        {
            return null;
        }

        return http.IsStaff()
            ? TypedResults.Forbid()
            : ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed.", OrderCustomers.NotYoursCode,
                $"Signed in as '{http.SignedInCustomer()}', you see and change only your own details.");
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound("customer.not-found", $"There is no customer '{id}'.");
}