using Microsoft.AspNetCore.Authorization;

namespace OrderGrid.Api.Auth;

/// <summary>
/// Who may call each endpoint, read from the endpoint itself: the one source of the role × route table. A staff
/// endpoint says it with its authorization policy (<see cref="StaffPolicies"/> knows each policy's roles); an endpoint
/// open to callers without a key says it with <see cref="OpenTo{TBuilder}"/> (or <c>AllowAnonymous</c>: anyone). The
/// table in <c>docs/access.md</c> is generated from this, and a test calls every endpoint as every caller and checks
/// the answers against it.
/// </summary>
public static class Access
{
    /// <summary>Opens the endpoint to <paramref name="callers"/> without a key; the handler checks what a key cannot (a token).</summary>
    public static TBuilder OpenTo<TBuilder>(this TBuilder builder, Callers callers)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AllowAnonymous().WithMetadata(new OpenAccess(callers));
    }

    /// <summary>The callers that get past the endpoint's access check; null when the endpoint does not say.</summary>
    public static Callers? Of(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.GetMetadata<OpenAccess>() is { } open)
        {
            return open.Callers;
        }

        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Callers.Anyone;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (policies.Count == 0 || policies.Any(p => p.Policy is null || p.Roles is not null))
        {
            return null;
        }

        // Several policies on one endpoint (a group's and its own) must all be met.
        return policies.Aggregate(Callers.Staff, (callers, policy) => callers & StaffPolicies.CallersOf(policy.Policy!));
    }
}