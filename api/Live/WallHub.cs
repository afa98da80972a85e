using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using OrderGrid.Api.Auth;

namespace OrderGrid.Api.Live;

/// <summary><c>/hubs/wall</c> (staff): order events as they happen and the wall's snapshot when it changes.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class WallHub : Hub
{
    public const string Path = "/hubs/wall";

    /// <summary>
    /// Joins the wall group. Called by the client after every (re)connect and before it reads the current state, so
    /// that no change falls between the state it reads and the first push it gets.
    /// </summary>
    public Task Watch() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Wall);
}