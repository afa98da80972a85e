using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Shipping;

/// <summary><c>GET /api/carriers</c>: the carriers a pick list may ship with (<c>OrderGrid:Fulfilment:Carriers</c>), for the wall's ship step (staff).</summary>
public static class CarrierEndpoints
{
    public static RouteGroupBuilder MapCarriers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", (IOptions<FulfilmentOptions> fulfilment) =>
            {
                var carriers = fulfilment.Value.Carriers.ToImmutableArray();
                return TypedResults.Ok(new CarrierList(carriers, carriers.FirstOrDefault() ?? ""));
            })
            .RequireAuthorization(StaffPolicies.Staff)
            .WithTags("Shipping")
            .WithName("ListCarriers")
            .WithSummary("The carriers a pick list may ship with, in the configured order; the default is used when a ship step names none (staff).")
            .Produces<CarrierList>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}

/// <summary>The configured carriers and the one a ship step without a carrier uses.</summary>
public sealed record CarrierList(ImmutableArray<string> Carriers, string Default);