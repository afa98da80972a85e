using System.Security.Cryptography;

using Microsoft.Extensions.Options;

using OrderGrid.Common;

namespace OrderGrid.Webhooks;

/// <summary>
/// Every webhook subscription, in one grain: admins add a handful, and every order change asks which are active,
/// which a read-only call answers from memory. Secrets live only in each subscription's own outbox grain.
/// </summary>
[GrainType("webhook-registry")]
public sealed class WebhookRegistryGrain(
    [PersistentState("registry", "webhooks")] IPersistentState<WebhookRegistryState> state,
    IOptions<WebhookOptions> options,
    TimeProvider clock) : Grain, IWebhookRegistryGrain
{
    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<Outcome<WebhookCreated>> Subscribe(NewWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var problems = webhook.Problems();
        if (WebhookTargets.UrlProblem(webhook.Url, options.Value.AllowDevelopmentTargets) is { } url)
        {
            problems = problems.SetItem("url", [url]);
        }

        if (problems.Count > 0)
        {
            return Refusal.Invalid("webhook.invalid", "The subscription is not valid; see errors.", problems);
        }

        var subscription = new WebhookSubscription(NewId(), webhook.Url, [.. webhook.Events.Distinct(StringComparer.Ordinal)], true, clock.GetUtcNow());
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        // The outbox first: a subscription listed here always has somewhere to queue its events.
        await GrainFactory.GetGrain<IWebhookGrain>(subscription.Id).Start(new WebhookTarget(subscription, secret));
        state.State = state.State with { Subscriptions = state.State.Subscriptions.Add(subscription) };
        await state.WriteStateAsync();
        return new WebhookCreated(subscription, secret);
    }

    public Task<IReadOnlyList<WebhookSubscription>> List() => Task.FromResult<IReadOnlyList<WebhookSubscription>>(state.State.Subscriptions);

    public async Task<bool> Remove(string id)
    {
        var subscription = state.State.Subscriptions.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));
        if (subscription is null)
        {
            return false;
        }

        state.State = state.State with { Subscriptions = state.State.Subscriptions.Remove(subscription) };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IWebhookGrain>(id).Stop();
        return true;
    }

    private string NewId()
    {
        while (true)
        {
            var id = "WH-" + RandomNumberGenerator.GetString(IdAlphabet, 8);
            if (!state.State.Subscriptions.Exists(s => string.Equals(s.Id, id, StringComparison.Ordinal)))
            {
                return id;
            }
        }
    }
}