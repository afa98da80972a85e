using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Tracking;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// Order changes open to ops and to the order's customer (cancel, modify, split), after
/// <see cref="StaffCaller.RequireOpsOrToken"/>: ops act as themselves and get the staff view; the holder of the
/// tracking token acts as the customer and gets the tracking view (no staff names, no contact details); a wrong token
/// answers 404 like an unknown order.
/// </summary>
internal static class OpsOrCustomer
{
    public static async Task<IResult> Change(
        HttpContext http,
        IAuthorizationService authorization,
        IGrainFactory grains,
        string id,
        string? token,
        Func<IOrderGrain, Actor, Task<Outcome<OrderView>>> change)
    {
        var order = grains.GetGrain<IOrderGrain>(id);
        if (http.IsStaff() && (await authorization.AuthorizeAsync(http.User, StaffPolicies.Ops)).Succeeded)
        {
            return ApiProblems.OkOr(await change(order, http.User.ToStaffActor()));
        }

        if (await grains.OrderOpenedBy(id, token) is not { } own)
        {
            return OrderEndpoints.NotFound(id);
        }

        var outcome = await change(order, Actor.Customer(own.CustomerId));
        return outcome.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Ok(await http.RequestServices.GetRequiredService<CustomerOrderViews>().For(outcome.Value!));
    }
}