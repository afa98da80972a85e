using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Tracking;
using OrderGrid.Orders;

namespace OrderGrid.Api.Live;

/// <summary>
/// <c>/hubs/orders</c>: follow one order. With its tracking token anyone may (customer view); without one, only staff
/// (staff view). A wrong token and an unknown order are refused alike, so the hub tells nothing about other orders.
/// Callers without a staff key follow at most as often as <see cref="FollowLimiter"/> allows.
/// </summary>
public sealed class OrderHub(IGrainFactory grains, IAuthorizationService authorization, FollowLimiter limiter) : Hub
{
    public const string Path = "/hubs/orders";

    /// <summary>The refusal of a follow over the limit.</summary>
    public const string TooManyFollows = "too many follow requests; retry later";

    public async Task Follow(string orderId, string? token)
    {
        if (!limiter.TryAcquire(Context))
        {
            throw new HubException(TooManyFollows);
        }

        var group = await GroupFor(orderId, token);
        if (group is null)
        {
            throw new HubException("order not found");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    public async Task Unfollow(string orderId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Customers(orderId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Staff(orderId));
    }

    private async Task<string?> GroupFor(string orderId, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            return await grains.OrderOpenedBy(orderId, token) is { } view ? LiveGroups.Customers(view.Id) : null;
        }

        return OrderIds.IsWellFormed(orderId) && await IsStaff() && await grains.GetGrain<IOrderGrain>(orderId).Get() is { } staffView
            ? LiveGroups.Staff(staffView.Id)
            : null;
    }

    private async Task<bool> IsStaff() =>
        Context.User is { } user && (await authorization.AuthorizeAsync(user, StaffPolicies.Staff)).Succeeded;
}