using Microsoft.AspNetCore.Authorization;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Rules;

namespace OrderGrid.Api.Rules;

/// <summary><c>/api/rules</c>: the automation rules every order is placed by, written by admins and read by staff.</summary>
public static class RuleEndpoints
{
    public static RouteGroupBuilder MapRules(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Rules");

        group.MapGet("/", List)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("ListRules")
            .WithSummary("Every rule, in the order they are evaluated: by priority (lowest first), then by id (staff).")
            .Produces<AutomationRule[]>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/access", Access)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetRuleAccess")
            .WithSummary("Whether the caller's key may change rules (admin) or only read them (staff), for the rules page.")
            .Produces<RuleAccess>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/{id:int}", Get)
            .RequireAuthorization(StaffPolicies.Staff)
            .WithName("GetRule")
            .WithSummary("One rule (staff).")
            .Produces<AutomationRule>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/", Create)
            .RequireAuthorization(StaffPolicies.Admin)
            .WithName("CreateRule")
            .WithSummary("Creates a rule, applied to orders placed from now on (admin).")
            .Produces<AutomationRule>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", Replace)
            .RequireAuthorization(StaffPolicies.Admin)
            .WithName("ReplaceRule")
            .WithSummary("Replaces a rule's name, priority, conditions, actions and enabled flag (admin).")
            .Produces<AutomationRule>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:int}", Delete)
            .RequireAuthorization(StaffPolicies.Admin)
            .WithName("DeleteRule")
            .WithSummary("Deletes a rule; orders already placed keep what it decided (admin).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        return group;
    }

    private static async Task<IResult> List(IGrainFactory grains) => TypedResults.Ok(await Rules(grains).List());

    private static async Task<IResult> Access(HttpContext http, IAuthorizationService authorization) =>
        TypedResults.Ok(new RuleAccess((await authorization.AuthorizeAsync(http.User, StaffPolicies.Admin)).Succeeded));

    private static async Task<IResult> Get(int id, IGrainFactory grains) =>
        (await Rules(grains).List()).FirstOrDefault(r => r.Id == id) is { } rule
            ? TypedResults.Ok(rule)
            : ApiProblems.NotFound("rule.not-found", $"There is no rule {id}.");

    private static async Task<IResult> Create(RuleDefinition? definition, IGrainFactory grains)
    {
        if (definition is null)
        {
            return ApiProblems.MissingBody();
        }

        var created = await Rules(grains).Create(definition);
        return created.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"/api/rules/{created.Value!.Id}", created.Value);
    }

    private static async Task<IResult> Replace(int id, RuleDefinition? definition, IGrainFactory grains) =>
        definition is null ? ApiProblems.MissingBody() : ApiProblems.OkOr(await Rules(grains).Replace(id, definition));

    private static async Task<IResult> Delete(int id, IGrainFactory grains)
    {
        var deleted = await Rules(grains).Delete(id);
        return deleted.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static IRulesGrain Rules(IGrainFactory grains) => grains.GetGrain<IRulesGrain>("default");
}