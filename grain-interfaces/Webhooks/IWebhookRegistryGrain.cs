using OrderGrid.Common;

namespace OrderGrid.Webhooks;

/// <summary>Every webhook subscription (key <c>default</c>): admins add and remove them, the order feed asks which are active.</summary>
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a subscription with a new id and secret, or refuses it as invalid (field errors as in <see cref="NewWebhook.Problems"/>).</summary>
    Task<Outcome<WebhookCreated>> Subscribe(NewWebhook webhook);

    /// <summary>Every active subscription, oldest first; never their secrets.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WebhookSubscription>> List();

    /// <summary>Removes the subscription and drops its undelivered events; false when there is none with this id.</summary>
    Task<bool> Remove(string id);
}