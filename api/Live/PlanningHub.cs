using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using OrderGrid.Api.Auth;

namespace OrderGrid.Api.Live;

/// <summary><c>/hubs/planning</c> (planners): stock levels as they change.</summary>
[Authorize(Policy = StaffPolicies.Planner)]
public sealed class PlanningHub : Hub
{
    public const string Path = "/hubs/planning";

    /// <summary>
    /// Joins the planning group. Called by the client after every (re)connect and before it reads the current state, so
    /// that no change falls between the state it reads and the first push it gets.
    /// </summary>
    public Task Watch() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Planning);
}