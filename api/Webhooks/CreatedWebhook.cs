using System.Collections.Immutable;

using OrderGrid.Webhooks;

namespace OrderGrid.Api.Webhooks;

/// <summary>A new subscription with its signing secret: the only answer that ever shows the secret.</summary>
public sealed record CreatedWebhook(string Id, string Url, ImmutableArray<string> Events, bool Active, DateTimeOffset CreatedAt, string Secret)
{
    public static CreatedWebhook From(WebhookCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var s = created.Subscription;
        return new(s.Id, s.Url, s.Events, s.Active, s.CreatedAt, created.Secret);
    }
}