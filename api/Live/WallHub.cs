using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using OrderGrid.Api.Auth;

namespace OrderGrid.Api.Live;

/// <summary><c>/hubs/wall</c> (staff): order events as they happen and the wall's snapshot when it changes.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class WallHub : Hub
{
    public const string Path = "/hubs/wall";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Wall);
}