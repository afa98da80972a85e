using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Customers;

namespace OrderGrid.Api.Customers;

/// <summary><c>/api/customers/{id}</c>: a customer's contact details and orders (staff).</summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Customers");

        group.MapGet("/{id}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetCustomer")
            .WithSummary("A customer's latest contact details and order ids (staff).")
            .Produces<CustomerView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains)
    {
        var customer = CustomerIds.IsWellFormed(id) ? await grains.GetGrain<ICustomerGrain>(id).Get() : null;
        return customer is null || (customer.OrderIds.IsDefaultOrEmpty && customer.Email is null && customer.Phone is null)
            ? ApiProblems.NotFound("customer.not-found", $"There is no customer '{id}'.")
            : TypedResults.Ok(customer);
    }
}