using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using OrderGrid.Api.Auth;

namespace OrderGrid.Api.Live;

/// <summary><c>/hubs/planning</c> (planners): stock levels as they change.</summary>
[Authorize(Policy = StaffPolicies.Planner)]
public sealed class PlanningHub : Hub
{
    public const string Path = "/hubs/planning";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Planning);
}