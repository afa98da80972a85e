namespace OrderGrid.Tests.Webhooks;

/// <summary>The webhook HTTP tests share one host with short retries and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookHost : ICollectionFixture<WebhookApp>
{
    public const string Name = "OrderGrid host with short webhook retries";
}