using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;
using OrderGrid.Webhooks;

namespace OrderGrid.Api.Webhooks;

/// <summary><c>/api/webhooks</c>: admins subscribe ERP/CRM systems to order events and read each subscription's delivery log.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Webhooks").RequireAuthorization(StaffPolicies.Admin)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/", Create)
            .Validates<CreateWebhookRequest>()
            .WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to order events matching the filters; the answer shows the signing secret, this once (admin).")
            .Produces<CreatedWebhook>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapGet("/", List)
            .WithName("ListWebhooks")
            .WithSummary("Every subscription, oldest first, without secrets (admin).")
            .Produces<WebhookSubscription[]>();

        group.MapGet("/{id}", Get)
            .WithName("GetWebhook")
            .WithSummary("One subscription, without its secret (admin).")
            .Produces<WebhookSubscription>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id}", Delete)
            .WithName("DeleteWebhook")
            .WithSummary("Removes a subscription; its undelivered events are dropped (admin).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/deliveries", Deliveries)
            .WithName("GetWebhookDeliveries")
            .WithSummary("The subscription's latest delivery attempts, newest first: event, attempt, status code or error, duration, outcome (admin).")
            .Produces<WebhookDelivery[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<IResult> Create(CreateWebhookRequest? request, IGrainFactory grains)
    {
        var created = await Registry(grains).Subscribe(request!.ToNewWebhook());
        return created.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"/api/webhooks/{created.Value!.Subscription.Id}", CreatedWebhook.From(created.Value));
    }

    private static async Task<IResult> List(IGrainFactory grains) => TypedResults.Ok(await Registry(grains).List());

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await Find(id, grains) is { } subscription ? TypedResults.Ok(subscription) : NotFound(id);

    private static async Task<IResult> Delete(string id, IGrainFactory grains) =>
        await Registry(grains).Remove(id) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<IResult> Deliveries(string id, IGrainFactory grains) =>
        await Find(id, grains) is null ? NotFound(id) : TypedResults.Ok(await grains.GetGrain<IWebhookGrain>(id).Deliveries());

    private static async Task<WebhookSubscription?> Find(string id, IGrainFactory grains) =>
        (await Registry(grains).List()).FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    private static IResult NotFound(string id) => ApiProblems.NotFound("webhook.not-found", $"There is no webhook subscription '{id}'.");

    private static IWebhookRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IWebhookRegistryGrain>("default");
}